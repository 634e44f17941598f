package ai.dify.delms.customer.customer;

import static ai.dify.delms.customer.customer.NewCustomerBuilder.aCustomer;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.Interleaving;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.web.MergePatch;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two PATCHes of different fields of one customer, the second committing after the first read the
 * customer it applies its patch to: the first must not write the second's field back (409 instead).
 */
@DelmsServiceTest
class ConcurrentPatchIT {

    private static final String CUSTOMERS = "/api/v1/customers/";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JsonMapper json;
    @MockitoSpyBean
    MergePatch mergePatch;

    @Test
    void aPatchOfAnotherFieldCommittedAfterTheBaseWasReadIsNotRevertedTheLaterPatchGets409() throws Exception {
        String body = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(tokens.adminToken()))
                        .contentType(MediaType.APPLICATION_JSON).content(aCustomer().with("industry", "Retail").toJson()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();
        doAnswer(Interleaving.first(() -> patchOf(id, "{\"notes\":\"by the other\"}").andExpect(status().isOk())))
                .when(mergePatch).apply(any(), anyLong(), any(), any());

        patchOf(id, "{\"industry\":\"Banking\"}").andExpect(status().isConflict());

        mvc.perform(get(CUSTOMERS + id).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(jsonPath("$.notes").value("by the other"))
                .andExpect(jsonPath("$.industry").value("Retail"));
    }

    private ResultActions patchOf(String id, String patch) throws Exception {
        return mvc.perform(patch(CUSTOMERS + id).header("Authorization", bearer(tokens.adminToken()))
                .contentType(MergePatch.MEDIA_TYPE).content(patch));
    }
}
