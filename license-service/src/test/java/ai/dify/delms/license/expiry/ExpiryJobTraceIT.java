package ai.dify.delms.license.expiry;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.license.license.LicenseEvents;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * The expiry job runs in a trace of its own (docs/decisions.md, 35): the events it publishes carry
 * that trace, not the one of the request that created the license, in their envelope and their
 * record's header, so an operator follows a job's run to every consumer like a request.
 */
@DelmsServiceTest
@TestPropertySource(properties = "delms.license.expiry.cron=*/2 * * * * *")
class ExpiryJobTraceIT {

    private static final String REQUEST_TRACE = "5c1e0d7a9b3f4e2a8c6d1f0e9a8b7c6d";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    KnownCustomers knownCustomers;

    @Test
    void theExpiryOfALicenseIsPublishedInTheJobsOwnTrace() throws Exception {
        String customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
        String body = mvc.perform(post("/api/v1/licenses").header("Authorization", bearer(tokens.adminToken()))
                        .header("traceparent", "00-" + REQUEST_TRACE + "-1a2b3c4d5e6f7a8b-01")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(aLicenseFor(customerId).with("orderDate", "2020-01-01").with("startDate", "2020-01-01")
                                .with("expiryDate", "2021-01-01").toJson()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String licenseId = json.readTree(body).get("id").asString();

        ConsumerRecord<String, String> expired = kafka.awaitRecord("delms.licenses",
                r -> licenseId.equals(r.key()) && r.value().contains(LicenseEvents.STATUS_CHANGED)
                        && r.value().contains("\"EXPIRED\""), Duration.ofSeconds(60));

        String envelope = json.readTree(expired.value()).get("traceparent").asString();
        assertThat(envelope).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        String jobTrace = envelope.split("-")[1];
        assertThat(jobTrace).as("the job's trace, not the creating request's").isNotEqualTo(REQUEST_TRACE);
        assertThat(TestKafka.header(expired, "traceparent")).as("the record's header").contains("-" + jobTrace + "-");
    }
}
