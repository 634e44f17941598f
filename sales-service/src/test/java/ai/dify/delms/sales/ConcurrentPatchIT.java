package ai.dify.delms.sales;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.Interleaving;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.web.MergePatch;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two PATCHes of different fields of one reseller / sales rep, the second committing after the
 * first read the record it applies its patch to: the first must not write the second's field back
 * (409 instead).
 */
@DelmsServiceTest
class ConcurrentPatchIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JsonMapper json;
    @MockitoSpyBean
    MergePatch mergePatch;

    @Test
    void aResellerPatchCommittedAfterAnotherReadItsBaseIsNotReverted() throws Exception {
        String reseller = "/api/v1/resellers/" + new SalesApi(mvc, tokens, json).reseller(SalesApi.uniqueCode("race"));
        doAnswer(Interleaving.first(() -> patchOf(reseller, "{\"region\":\"APAC\"}").andExpect(status().isOk())))
                .when(mergePatch).apply(any(), anyLong(), any(), any());

        patchOf(reseller, "{\"tier\":\"PLATINUM\"}").andExpect(status().isConflict());

        mvc.perform(get(reseller).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(jsonPath("$.region").value("APAC")).andExpect(jsonPath("$.tier").value("GOLD"));
    }

    @Test
    void aSalesRepPatchCommittedAfterAnotherReadItsBaseIsNotReverted() throws Exception {
        String rep = "/api/v1/sales-reps/" + new SalesApi(mvc, tokens, json).rep("Race Rep");
        doAnswer(Interleaving.first(() -> patchOf(rep, "{\"region\":\"APAC\"}").andExpect(status().isOk())))
                .when(mergePatch).apply(any(), anyLong(), any(), any());

        patchOf(rep, "{\"name\":\"Renamed Rep\"}").andExpect(status().isConflict());

        mvc.perform(get(rep).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(jsonPath("$.region").value("APAC")).andExpect(jsonPath("$.name").value("Race Rep"));
    }

    private ResultActions patchOf(String path, String patch) throws Exception {
        return mvc.perform(patch(path).header("Authorization", bearer(tokens.adminToken()))
                .contentType(MergePatch.MEDIA_TYPE).content(patch));
    }
}
