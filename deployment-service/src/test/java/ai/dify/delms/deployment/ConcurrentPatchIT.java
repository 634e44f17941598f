package ai.dify.delms.deployment;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.Interleaving;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import ai.dify.delms.platform.web.MergePatch;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two PATCHes of different fields of one engineer / deployment, the second committing after the
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
    TestKafka kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @MockitoSpyBean
    MergePatch mergePatch;

    @Test
    void anEngineerPatchCommittedAfterAnotherReadItsBaseIsNotReverted() throws Exception {
        DeploymentTestData data = new DeploymentTestData(mvc, tokens, kafka, jdbc, json);
        String engineer = DeploymentTestData.ENGINEERS + "/" + data.engineer("Race Engineer");
        doAnswer(Interleaving.first(() -> patchOf(engineer, "{\"region\":\"APAC\"}").andExpect(status().isOk())))
                .when(mergePatch).apply(any(), anyLong(), any(), any());

        patchOf(engineer, "{\"skills\":[\"helm\"]}").andExpect(status().isConflict());

        mvc.perform(get(engineer).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(jsonPath("$.region").value("APAC")).andExpect(jsonPath("$.skills[0]").value("kubernetes"));
    }

    @Test
    void aDeploymentPatchCommittedAfterAnotherReadItsBaseIsNotReverted() throws Exception {
        DeploymentTestData data = new DeploymentTestData(mvc, tokens, kafka, jdbc, json);
        String deployment = DeploymentTestData.DEPLOYMENTS + "/"
                + data.scheduled(data.license(), data.engineer("Race Planner"), LocalDate.now().plusDays(7));
        doAnswer(Interleaving.first(() -> patchOf(deployment, "{\"notes\":\"by the other\"}")
                .andExpect(status().isOk()))).when(mergePatch).apply(any(), anyLong(), any(), any());

        patchOf(deployment, "{\"productVersion\":\"7.3.0\"}").andExpect(status().isConflict());

        mvc.perform(get(deployment).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(jsonPath("$.notes").value("by the other"))
                .andExpect(jsonPath("$.productVersion").value("7.2.1"));
    }

    private ResultActions patchOf(String path, String patch) throws Exception {
        return mvc.perform(patch(path).header("Authorization", bearer(tokens.adminToken()))
                .contentType(MergePatch.MEDIA_TYPE).content(patch));
    }
}
