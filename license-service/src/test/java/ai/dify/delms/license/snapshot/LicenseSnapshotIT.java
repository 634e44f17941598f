package ai.dify.delms.license.snapshot;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.license.license.LicenseEvents;
import ai.dify.delms.license.license.LicenseTestClient;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An admin re-publishes every license as it is now: one snapshot event per license, with its current
 * version and state. Pages of two licenses, so three licenses take two pages; the context has a
 * database of its own, so these three are all the licenses there are.
 */
@DelmsServiceTest
@TestPropertySource(properties = "delms.license.snapshot.page-size=2")
class LicenseSnapshotIT {

    private static final String PATH = "/api/v1/licenses/snapshots";

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
    void anAdminGetsOneSnapshotPerLicenseWithItsCurrentVersionAndStateAndNothingChanges() throws Exception {
        String customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
        LicenseTestClient api = new LicenseTestClient(mvc);
        String untouched = api.create(tokens.adminToken(), aLicenseFor(customerId));
        String used = api.create(tokens.adminToken(), aLicenseFor(customerId));
        api.reportUsage(tokens.engineerToken(), used, Map.of("workspaces", 3, "users", 30,
                "reportedAt", "2026-01-05T08:00:00Z")).andExpect(status().isCreated());
        String suspended = api.create(tokens.adminToken(), aLicenseFor(customerId));
        api.transition(tokens.adminToken(), suspended, "SUSPENDED", "unpaid").andExpect(status().isOk());
        List<String> licenseIds = List.of(untouched, used, suspended);
        Map<String, JsonNode> before = Map.of(untouched, api.readBody(tokens.adminToken(), untouched),
                used, api.readBody(tokens.adminToken(), used), suspended, api.readBody(tokens.adminToken(), suspended));

        JsonNode started = json.readTree(mvc.perform(post(PATH).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andExpect(jsonPath("$.requestedBy").value("alice"))
                .andExpect(jsonPath("$.licenseCount").value(3))
                .andReturn().getResponse().getContentAsString());
        String snapshotId = started.path("id").asString();
        Awaitility.await().atMost(TestKafka.DEFAULT_TIMEOUT).until(() -> "COMPLETED".equals(snapshotStatus().path("state").asString()));
        assertThat(snapshotStatus().path("licensesPublished").asLong()).isEqualTo(3);
        assertThat(snapshotStatus().path("id").asString()).isEqualTo(snapshotId);

        Map<String, JsonNode> snapshots = new HashMap<>();
        for (String licenseId : licenseIds) {
            ConsumerRecord<String, String> record = kafka.awaitRecord(LicenseEvents.TOPIC,
                    r -> licenseId.equals(r.key()) && r.value().contains(LicenseEvents.SNAPSHOT));
            JsonNode event = json.readTree(record.value());
            assertThat(event.path("subject").asString()).isEqualTo(licenseId);
            assertThat(event.path("source").asString()).isEqualTo("/delms/license-service");
            assertThat(event.path("actorusername").asString()).as("the admin who asked").isEqualTo("alice");
            snapshots.put(licenseId, event.path("data"));
        }
        List<ConsumerRecord<String, String>> published = kafka.records(LicenseEvents.TOPIC).stream()
                .filter(r -> licenseIds.contains(r.key()) && r.value().contains(LicenseEvents.SNAPSHOT)).toList();
        assertThat(published).as("one snapshot per license").hasSize(3);

        for (String licenseId : licenseIds) {
            JsonNode snapshot = snapshots.get(licenseId);
            JsonNode license = api.readBody(tokens.adminToken(), licenseId);
            assertThat(license.path("version").asLong()).as("a snapshot changes nothing")
                    .isEqualTo(before.get(licenseId).path("version").asLong());
            assertThat(snapshot.path("licenseId").asString()).isEqualTo(licenseId);
            assertThat(snapshot.path("snapshotId").asString()).as("the run").isEqualTo(snapshotId);
            assertThat(snapshot.path("version").asLong()).isEqualTo(license.path("version").asLong());
            JsonNode state = snapshot.path("license");
            assertThat(state.path("id").asString()).isEqualTo(licenseId);
            assertThat(state.path("status").asString()).isEqualTo(license.path("status").asString());
            assertThat(state.path("customerId").asString()).isEqualTo(customerId);
            assertThat(state.path("expiryDate").asString()).isEqualTo(license.path("expiryDate").asString());
            assertThat(state.path("authorizedUsers").asInt()).isEqualTo(license.path("authorizedUsers").asInt());
            assertThat(Instant.parse(snapshot.path("createdAt").asString()))
                    .isEqualTo(Instant.parse(license.path("createdAt").asString()));
            assertThat(Instant.parse(snapshot.path("statusChangedAt").asString()))
                    .isEqualTo(latestStatusChange(api, licenseId));
        }
        assertThat(snapshots.get(suspended).path("version").asLong()).isEqualTo(1);
        assertThat(snapshots.get(suspended).path("license").path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(snapshots.get(untouched).path("usage").isNull()).as("no report yet").isTrue();
        JsonNode usage = snapshots.get(used).path("usage");
        assertThat(usage.path("users").asInt()).isEqualTo(30);
        assertThat(Instant.parse(usage.path("reportedAt").asString())).isEqualTo(Instant.parse("2026-01-05T08:00:00Z"));
        assertThat(snapshots.get(used).path("license").path("status").asString()).isEqualTo("IN_USE");
    }

    @Test
    void onlyAnAdminMayAskForASnapshotOrSeeHowItWent() throws Exception {
        for (String token : List.of(tokens.salesToken(), tokens.engineerToken())) {
            mvc.perform(post(PATH).header("Authorization", bearer(token))).andExpect(status().isForbidden());
            mvc.perform(get(PATH).header("Authorization", bearer(token))).andExpect(status().isForbidden());
        }
        mvc.perform(post(PATH)).andExpect(status().isUnauthorized());
    }

    private JsonNode snapshotStatus() throws Exception {
        return json.readTree(mvc.perform(get(PATH).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private Instant latestStatusChange(LicenseTestClient api, String licenseId) throws Exception {
        JsonNode changes = api.body(api.changes(tokens.adminToken(), licenseId, "size=100"));
        Instant latest = null;
        for (JsonNode change : changes.path("content")) {
            if ("status".equals(change.path("field").asString())) {
                Instant at = Instant.parse(change.path("at").asString());
                latest = latest == null || at.isAfter(latest) ? at : latest;
            }
        }
        return latest;
    }
}
