package ai.dify.delms.license.license;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class LicenseEventsIT {

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
    void createdLicenseIsPublishedKeyedByLicenseId() throws Exception {
        String customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
        String body = mvc.perform(post("/api/v1/licenses").header("Authorization", bearer(tokens.adminToken()))
                        .contentType(MediaType.APPLICATION_JSON).content(aLicenseFor(customerId).toJson()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String licenseId = json.readTree(body).get("id").asString();

        ConsumerRecord<String, String> record = kafka.awaitRecordWithKey(LicenseEvents.TOPIC, licenseId);
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("type").asString()).isEqualTo("delms.license.created.v1");
        assertThat(event.get("source").asString()).isEqualTo("/delms/license-service");
        assertThat(event.get("subject").asString()).isEqualTo(licenseId);
        assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
        JsonNode data = event.get("data");
        assertThat(data.get("id").asString()).isEqualTo(licenseId);
        assertThat(data.get("customerId").asString()).isEqualTo(customerId);
        assertThat(data.get("status").asString()).isEqualTo("CREATED");
        assertThat(data.get("productType").asString()).isEqualTo("ENT");
        assertThat(data.get("licenseType").asString()).isEqualTo("SUBSCRIPTION");
        assertThat(data.get("authorizedWorkspaces").asInt()).isEqualTo(10);
        assertThat(data.get("expiryDate").asString()).matches("\\d{4}-\\d\\d-\\d\\d");
        assertThat(data.get("version").asLong()).isZero();
        assertThat(event.get("actorusername").asString()).isEqualTo("alice");
    }

    /**
     * Each event carries the license's version after the change and the whole license as it is
     * then, so a consumer can keep the newest state and ignore an older event without losing anything.
     */
    @Test
    void everyLicenseEventCarriesTheVersionAndTheLicenseAfterTheChange() throws Exception {
        String customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
        LicenseTestClient api = new LicenseTestClient(mvc);
        String licenseId = api.create(tokens.adminToken(), aLicenseFor(customerId));
        api.reportUsage(tokens.engineerToken(), licenseId, java.util.Map.of("workspaces", 2, "users", 20))
                .andExpect(status().isCreated());
        api.transition(tokens.adminToken(), licenseId, "SUSPENDED", "unpaid").andExpect(status().isOk());

        JsonNode usage = data(LicenseEvents.USAGE_REPORTED, licenseId);
        JsonNode firstUse = data(LicenseEvents.STATUS_CHANGED, licenseId, "\"IN_USE\"", "\"to\":\"IN_USE\"");
        JsonNode suspended = data(LicenseEvents.STATUS_CHANGED, licenseId, "\"to\":\"SUSPENDED\"");
        assertThat(firstUse.get("version").asLong()).isEqualTo(1);
        assertThat(usage.get("version").asLong()).as("the report's own status change").isEqualTo(1);
        assertThat(usage.get("license").get("status").asString()).isEqualTo("IN_USE");
        assertThat(suspended.get("version").asLong()).isEqualTo(2);
        JsonNode state = suspended.get("license");
        assertThat(state.get("id").asString()).isEqualTo(licenseId);
        assertThat(state.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(state.get("customerId").asString()).isEqualTo(customerId);
        assertThat(state.get("authorizedWorkspaces").asInt()).isEqualTo(10);
        assertThat(state.get("expiryDate").asString()).matches("\\d{4}-\\d\\d-\\d\\d");
    }

    private JsonNode data(String type, String licenseId, String... contains) {
        ConsumerRecord<String, String> record = kafka.awaitRecord(LicenseEvents.TOPIC, r -> licenseId.equals(r.key())
                && r.value().contains(type) && java.util.Arrays.stream(contains).allMatch(r.value()::contains));
        return json.readTree(record.value()).get("data");
    }
}
