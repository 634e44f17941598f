package ai.dify.delms.license.license;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.Interleaving;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import ai.dify.delms.platform.web.MergePatch;
import tools.jackson.databind.JsonNode;

/**
 * Two PATCHes of different fields of one license, the second committing after the first read the
 * license it applies its patch to: the first must not write the second's field back (409 instead).
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
    KnownCustomers knownCustomers;
    @MockitoSpyBean
    MergePatch mergePatch;

    private LicenseTestClient api;
    private String id;

    @BeforeEach
    void setUp() throws Exception {
        api = new LicenseTestClient(mvc);
        String customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
        id = api.create(tokens.adminToken(), aLicenseFor(customerId).with("notes", "first"));
    }

    @Test
    void aPatchOfAnotherFieldCommittedAfterTheBaseWasReadIsNotRevertedTheLaterPatchGets409() throws Exception {
        doAnswer(Interleaving.first(() -> api.patch(tokens.adminToken(), id, "{\"notes\":\"by the other\"}", null)
                .andExpect(status().isOk()))).when(mergePatch).apply(any(), anyLong(), any(), any());

        api.patch(tokens.salesToken(), id, "{\"authorizedUsers\":300}", null).andExpect(status().isConflict());

        JsonNode license = api.readBody(tokens.adminToken(), id);
        assertThat(license.get("notes").asString()).isEqualTo("by the other");
        assertThat(license.get("authorizedUsers").asInt()).isEqualTo(200);
    }

    @Test
    void aPatchNamingAnOlderVersionThanTheOneItIsAppliedToIs409() throws Exception {
        api.patch(tokens.adminToken(), id, "{\"notes\":\"second\"}", null).andExpect(status().isOk());

        api.patch(tokens.adminToken(), id, "{\"authorizedUsers\":300,\"version\":0}", null)
                .andExpect(status().isConflict());
        assertThat(api.readBody(tokens.adminToken(), id).get("authorizedUsers").asInt()).isEqualTo(200);
    }
}
