package ai.dify.delms.customer.licenseview;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.json.JsonMapper;

/** license-service's events (put on the topic here as it would) decide whether a customer may be deleted. */
@DelmsServiceTest
class CustomerDeletionIT {

    private static final String LICENSES = "delms.licenses";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    CustomerLicenses licenses;

    @Test
    void customerWithLicenseCannotBeDeleted() throws Exception {
        String customerId = createCustomer();
        String licenseId = "ENT-202601-" + (100000 + new java.util.Random().nextInt(899999));
        kafka.send(LICENSES, licenseId, licenseCreated(licenseId, customerId).toJson());

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> licenses.count(UUID.fromString(customerId)) == 1);
        mvc.perform(get("/api/v1/customers/" + customerId).header("Authorization", bearer(tokens.salesToken())))
                .andExpect(jsonPath("$.licenseCount").value(1));
        mvc.perform(delete("/api/v1/customers/" + customerId).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1 license")));
        mvc.perform(get("/api/v1/customers/" + customerId).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isOk());
    }

    @Test
    void onlyAdminDeletes() throws Exception {
        String customerId = createCustomer();
        mvc.perform(delete("/api/v1/customers/" + customerId).header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/customers/" + customerId).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/customers/" + customerId).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isNotFound());
    }

    @Test
    void sameLicenseEventTwiceCountsOnce() {
        UUID customerId = UUID.randomUUID();
        String licenseId = "PRO-202602-" + (100000 + new java.util.Random().nextInt(899999));
        TestEvents event = licenseCreated(licenseId, customerId.toString());
        kafka.send(LICENSES, licenseId, event.toJson());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> licenses.count(customerId) == 1);

        kafka.send(LICENSES, licenseId, event.toJson());
        // a later record with the same key is on the same partition: once it is counted, the duplicate was handled
        String marker = licenseId + "-M";
        UUID markerCustomer = UUID.randomUUID();
        kafka.send(LICENSES, licenseId, licenseCreated(marker, markerCustomer.toString()).toJson());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> licenses.count(markerCustomer) == 1);

        assertThat(licenses.count(customerId)).isEqualTo(1);
    }

    /** A count rebuilt from a topic that lost the license's creation learns the license from its snapshot, once. */
    @Test
    void aSnapshotCountsALicenseWhoseCreationWasNotSeenAndOnlyOnce() throws Exception {
        String customerId = createCustomer();
        String licenseId = "ENT-202603-" + (100000 + new java.util.Random().nextInt(899999));
        kafka.send(LICENSES, licenseId, licenseSnapshot(licenseId, customerId, 3).toJson());

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> licenses.count(UUID.fromString(customerId)) == 1);
        mvc.perform(delete("/api/v1/customers/" + customerId).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isConflict());

        kafka.send(LICENSES, licenseId, licenseCreated(licenseId, customerId).toJson());
        kafka.send(LICENSES, licenseId, licenseSnapshot(licenseId, customerId, 4).toJson());
        String marker = licenseId + "-M";
        UUID markerCustomer = UUID.randomUUID();
        kafka.send(LICENSES, licenseId, licenseSnapshot(marker, markerCustomer.toString(), 0).toJson());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> licenses.count(markerCustomer) == 1);

        assertThat(licenses.count(UUID.fromString(customerId))).isEqualTo(1);
    }

    @Test
    void poisonRecordEndsOnDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        kafka.send(LICENSES, key, "{\"specversion\":\"1.0\",\"broken\":");

        ConsumerRecord<String, String> dead = kafka.awaitRecordWithKey(LICENSES + ".dlt", key);
        assertThat(TestKafka.header(dead, "kafka_dlt-exception-message")).isNotBlank();
        assertThat(TestKafka.header(dead, "kafka_dlt-original-topic")).isEqualTo(LICENSES);
    }

    private static TestEvents licenseCreated(String licenseId, String customerId) {
        return TestEvents.event("delms.license.created.v1", licenseId).source("/delms/license-service")
                .data(Map.of("id", licenseId, "customerId", customerId, "productType", "ENT",
                        "licenseType", "SUBSCRIPTION", "status", "CREATED"));
    }

    /** {@code delms.license.snapshot.v1}: the license as it is now, re-published by license-service. */
    private static TestEvents licenseSnapshot(String licenseId, String customerId, long version) {
        return TestEvents.event("delms.license.snapshot.v1", licenseId).source("/delms/license-service")
                .data(Map.of("licenseId", licenseId, "version", version, "license", Map.of("id", licenseId,
                        "customerId", customerId, "productType", "ENT", "licenseType", "SUBSCRIPTION",
                        "status", "IN_USE"), "createdAt", "2026-03-01T10:00:00Z"));
    }

    private String createCustomer() throws Exception {
        String body = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(tokens.adminToken()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Deletable " + UUID.randomUUID()
                                + "\",\"region\":\"NA\",\"contactEmail\":\"x@example.com\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }
}
