package ai.dify.delms.alert.licenseview;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.sun.net.httpserver.HttpServer;

import ai.dify.delms.alert.LicenseEventsFixture;
import ai.dify.delms.alert.LicenseEventsFixture.State;
import ai.dify.delms.alert.TestClock;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rebuild when {@code delms.licenses} no longer holds a license's older records (retention
 * shortened by an operator, a topic restored from a partial backup; here deleted with the broker's
 * {@code deleteRecords}): the rebuild asks license-service, found through discovery, for a snapshot
 * as the admin who asked, and the model ends complete, with the alerts as they were. license-service
 * is played by an HTTP server that answers as it does and puts its snapshot events on the topic.
 */
@DelmsServiceTest
@Import(TestClock.Config.class)
@TestPropertySource(properties = {"delms.alerts.scan.enabled=false", "delms.alerts.rebuild.snapshot-wait=PT60S"})
class SnapshotRebuildIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LicenseServiceStandIn LICENSE_SERVICE = new LicenseServiceStandIn();

    @DynamicPropertySource
    static void licenseServiceThroughDiscovery(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.enabled", () -> "true");
        registry.add("spring.cloud.discovery.client.simple.instances.license-service[0].uri", LICENSE_SERVICE::uri);
    }

    @AfterAll
    static void stopLicenseService() {
        LICENSE_SERVICE.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    LicenseModels models;

    @Test
    void aModelRebuiltFromATopicThatLostOlderRecordsEndsCompleteWithTheSnapshot() throws Exception {
        Instant createdAt = Instant.parse("2032-03-01T09:00:00Z");
        clock.set(createdAt);
        LicenseEventsFixture licenses = new LicenseEventsFixture(kafka, jdbc, clock);
        String overused = LicenseEventsFixture.newLicenseId();
        String expiring = LicenseEventsFixture.newLicenseId();
        State expiringState = new State("CREATED", LocalDate.parse("2032-03-21"), 5, 50);
        licenses.created(overused, new State("CREATED", LocalDate.parse("2034-01-01"), 5, 50));
        licenses.created(expiring, expiringState);
        Instant inUseSince = clock.advance(Duration.ofDays(1));
        State inUse = new State("IN_USE", LocalDate.parse("2034-01-01"), 5, 50);
        licenses.statusChanged(overused, "CREATED", 1, inUse);
        Instant reportedAt = clock.advance(Duration.ofHours(1));
        licenses.usage(overused, 3, 60, reportedAt, 1, inUse);
        Map<String, String> openAlerts = openAlerts(overused, expiring);
        assertThat(openAlerts).containsOnlyKeys(overused + "/OVERUSE_USERS", expiring + "/EXPIRING_30");

        deleteEverythingOnTheTopic();
        clock.advance(Duration.ofDays(3));
        State renewed = new State("IN_USE", LocalDate.parse("2035-01-01"), 5, 50);
        licenses.updated(overused, 2, renewed);
        assertThat(kafka.records(LicenseEvents.TOPIC)).as("what the topic still holds of the two licenses")
                .filteredOn(r -> r.key().equals(overused) || r.key().equals(expiring)).hasSize(1);

        UUID snapshotId = UUID.randomUUID();
        LICENSE_SERVICE.answer(202, snapshotId, 2, List.of(
                snapshot(snapshotId, overused, 2, renewed, createdAt, inUseSince, Map.of("workspaces", 3, "users", 60,
                        "reportedAt", reportedAt.toString())),
                snapshot(snapshotId, expiring, 0, expiringState, createdAt, createdAt, null)));
        String adminToken = tokens.adminToken();
        mvc.perform(post("/api/v1/alerts/rebuild").header("Authorization", bearer(adminToken)))
                .andExpect(status().isAccepted());
        JsonNode rebuild = awaitRebuildFinished();

        assertThat(rebuild.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(rebuild.path("licenseSnapshot").path("state").asString()).isEqualTo("APPLIED");
        assertThat(rebuild.path("licenseSnapshot").path("id").asString()).isEqualTo(snapshotId.toString());
        assertThat(rebuild.path("licenseSnapshot").path("applied").asLong()).isEqualTo(2);
        assertThat(LICENSE_SERVICE.authorizations()).as("asked as the admin who asked for the rebuild")
                .containsExactly(bearer(adminToken));

        LicenseModel restored = models.find(expiring).orElseThrow();
        assertThat(restored.getStatus()).isEqualTo("CREATED");
        assertThat(restored.getExpiryDate()).isEqualTo(LocalDate.parse("2032-03-21"));
        assertThat(restored.getCreatedAt()).isEqualTo(createdAt);
        assertThat(restored.getVersion()).isZero();
        LicenseModel renewedModel = models.find(overused).orElseThrow();
        assertThat(renewedModel.getVersion()).isEqualTo(2);
        assertThat(renewedModel.getExpiryDate()).isEqualTo(LocalDate.parse("2035-01-01"));
        assertThat(renewedModel.getUsageUsers()).as("the latest usage, from the snapshot").isEqualTo(60);
        assertThat(renewedModel.getCreatedAt()).isEqualTo(createdAt);
        assertThat(renewedModel.getStatusChangedAt()).as("in use since then, not since the only event left")
                .isEqualTo(inUseSince);
        // the same alerts, never resolved and raised again on the way
        assertThat(openAlerts(overused, expiring)).isEqualTo(openAlerts);
        assertThat(jdbc.queryForObject("select count(*) from alert where license_id in (?, ?) and status = 'RESOLVED'",
                Long.class, overused, expiring)).isZero();
    }

    @Test
    void whenLicenseServiceCannotBeAskedTheRebuildRestoresWhatTheTopicHoldsAndSaysSo() throws Exception {
        clock.set(Instant.parse("2032-05-01T09:00:00Z"));
        LicenseEventsFixture licenses = new LicenseEventsFixture(kafka, jdbc, clock);
        String licenseId = LicenseEventsFixture.newLicenseId();
        licenses.created(licenseId, new State("CREATED", LocalDate.parse("2034-01-01"), 5, 50));
        LICENSE_SERVICE.answer(503, null, 0, List.of());

        mvc.perform(post("/api/v1/alerts/rebuild").header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isAccepted());
        JsonNode rebuild = awaitRebuildFinished();

        assertThat(rebuild.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(rebuild.path("licenseSnapshot").path("state").asString()).isEqualTo("FAILED");
        assertThat(rebuild.path("licenseSnapshot").path("failure").asString()).contains("503");
        assertThat(models.find(licenseId)).isPresent();
    }

    private JsonNode awaitRebuildFinished() throws Exception {
        Awaitility.await().atMost(TestKafka.DEFAULT_TIMEOUT.multipliedBy(2))
                .until(() -> !"RUNNING".equals(rebuildStatus().path("state").asString()));
        return rebuildStatus();
    }

    private JsonNode rebuildStatus() throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/alerts/rebuild").header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** "license/type" to alert id of the open alerts of the licenses. */
    private Map<String, String> openAlerts(String... licenseIds) {
        return jdbc.queryForList("select license_id, type, id from alert where status <> 'RESOLVED' and license_id in (?, ?)",
                (Object[]) licenseIds).stream()
                .collect(Collectors.toMap(row -> row.get("license_id") + "/" + row.get("type"), row -> (String) row.get("id")));
    }

    /** As if retention had removed them: every record the topic holds now is deleted. */
    private void deleteEverythingOnTheTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> partitions = new LinkedHashMap<>();
            admin.describeTopics(List.of(LicenseEvents.TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(LicenseEvents.TOPIC).partitions()
                    .forEach(p -> partitions.put(new TopicPartition(LicenseEvents.TOPIC, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, RecordsToDelete> before = new LinkedHashMap<>();
            admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, end) -> before.put(partition, RecordsToDelete.beforeOffset(end.offset())));
            admin.deleteRecords(before).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** {@code delms.license.snapshot.v1} as license-service publishes it. */
    private String snapshot(UUID snapshotId, String licenseId, long version, State state, Instant createdAt,
            Instant statusChangedAt, Map<String, Object> usage) {
        Map<String, Object> license = new LinkedHashMap<>();
        license.put("id", licenseId);
        license.put("productType", "ENT");
        license.put("licenseType", "SUBSCRIPTION");
        license.put("status", state.status());
        license.put("customerId", UUID.randomUUID().toString());
        license.put("resellerId", "acme");
        license.put("expiryDate", state.expiryDate().toString());
        license.put("authorizedWorkspaces", state.workspaces());
        license.put("authorizedUsers", state.users());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("licenseId", licenseId);
        data.put("version", version);
        data.put("license", license);
        data.put("createdAt", createdAt.toString());
        data.put("statusChangedAt", statusChangedAt.toString());
        data.put("usage", usage);
        data.put("snapshotId", snapshotId.toString());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("source", "/delms/license-service");
        envelope.put("type", LicenseEvents.SNAPSHOT);
        envelope.put("subject", licenseId);
        envelope.put("time", clock.instant().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", data);
        return JSON.writeValueAsString(envelope);
    }

    /**
     * license-service's snapshot endpoint as alert-service meets it: answers with the configured
     * status and the run's status body, then publishes the run's events, as license-service does
     * from its background task after answering.
     */
    private static final class LicenseServiceStandIn {

        private final HttpServer server;
        private final List<String> authorizations = new CopyOnWriteArrayList<>();
        private volatile int status;
        private volatile String body = "";
        private volatile List<String> events = List.of();

        LicenseServiceStandIn() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/api/v1/licenses/snapshots", exchange -> {
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] answer = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
                List<String> publish = new ArrayList<>(events);
                if (!publish.isEmpty()) {
                    new Thread(() -> publish.forEach(event -> kafka().send(LicenseEvents.TOPIC,
                            JSON.readTree(event).path("subject").asString(), event)), "license-service-snapshot").start();
                }
            });
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void answer(int status, UUID snapshotId, long licenseCount, List<String> events) {
            this.status = status;
            this.body = status == 202 ? "{\"id\":\"" + snapshotId + "\",\"state\":\"RUNNING\",\"requestedBy\":\"alice\","
                    + "\"licenseCount\":" + licenseCount + ",\"licensesPublished\":0}" : "";
            this.events = events;
            authorizations.clear();
        }

        List<String> authorizations() {
            return authorizations;
        }

        void stop() {
            server.stop(0);
        }

        private static TestKafka kafka() {
            return new TestKafka(ai.dify.delms.platform.test.kafka.TestKafkaBroker.bootstrapServers());
        }
    }
}
