package ai.dify.delms.alert.evaluation;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.alert.LicenseEventsFixture;
import ai.dify.delms.alert.TestClock;
import ai.dify.delms.alert.alert.internal.AlertEvents;
import ai.dify.delms.alert.evaluation.internal.LicenseScan;
import ai.dify.delms.alert.licenseview.LicenseModel;
import ai.dify.delms.alert.licenseview.LicenseModels;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert rules end to end: license events in on Kafka, time moved by a test clock, the scheduled
 * scan's entry point called, alerts read through the API and on {@code delms.alerts}.
 */
@DelmsServiceTest
@Import(TestClock.Config.class)
// an hourly incremental scan: a run is taken for half an hour
@TestPropertySource(properties = {"delms.alerts.scan.enabled=false", "delms.alerts.scan.interval=PT1H"})
class AlertEvaluationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    LicenseScan scan;
    @Autowired
    LicenseModels models;

    LicenseEventsFixture licenses;

    @BeforeEach
    void fixture() {
        licenses = new LicenseEventsFixture(kafka, jdbc, clock);
    }

    @Test
    void licenseCrossingTheExpiryWindowsHasOneAlertPerWindowAndARenewalResolvesIt() throws Exception {
        clock.set(Instant.parse("2030-01-01T09:00:00Z"));
        LocalDate expiry = LocalDate.parse("2030-03-25");
        String licenseId = LicenseEventsFixture.newLicenseId();
        licenses.created(licenseId, "CREATED", expiry, 10, 100);
        assertThat(openTypes(licenseId)).containsExactly("EXPIRING_90");

        clock.set(Instant.parse("2030-01-30T09:00:00Z"));   // 54 days left
        scanNow();
        assertThat(openTypes(licenseId)).containsExactly("EXPIRING_60");
        assertThat(alertsOf(licenseId, "RESOLVED")).extracting(a -> a.get("type").asString())
                .containsExactly("EXPIRING_90");

        clock.set(Instant.parse("2030-03-01T09:00:00Z"));   // 24 days left
        scanNow();
        assertThat(scan.runIncrementalIfClaimed().ran()).as("a second scan in the same period").isFalse();
        assertThat(openTypes(licenseId)).containsExactly("EXPIRING_30");

        clock.set(Instant.parse("2030-03-26T09:00:00Z"));   // the day after the expiry date
        scanNow();
        assertThat(openTypes(licenseId)).containsExactly("EXPIRED");
        assertThat(alertsOf(licenseId, null)).hasSize(4);

        licenses.expiryChanged(licenseId, expiry, LocalDate.parse("2031-03-25"));
        licenses.statusChanged(licenseId, "EXPIRED", "RENEWED");
        assertThat(openTypes(licenseId)).isEmpty();
        assertThat(alertsOf(licenseId, "RESOLVED")).hasSize(4);

        for (String type : List.of(AlertEvents.RAISED, AlertEvents.RESOLVED)) {
            ConsumerRecord<String, String> record = kafka.awaitRecord(AlertEvents.TOPIC, r -> licenseId.equals(r.key())
                    && r.value().contains(type) && r.value().contains("\"EXPIRED\""));
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.get("source").asString()).isEqualTo("/delms/alert-service");
            assertThat(event.get("data").get("licenseId").asString()).isEqualTo(licenseId);
            assertThat(event.get("data").get("severity").asString()).isEqualTo("CRITICAL");
        }
    }

    /**
     * A usage report made before an expansion but delivered after it: it is still a usage point, but
     * the limits it was judged against are older than the license's, so they neither come back nor
     * raise an overuse alert.
     */
    @Test
    void anOldUsageEventDeliveredLateBringsBackNeitherOldLimitsNorAFalseOveruse() throws Exception {
        clock.set(Instant.parse("2030-05-01T09:00:00Z"));
        String licenseId = LicenseEventsFixture.newLicenseId();
        LocalDate expiry = LocalDate.parse("2032-01-01");
        licenses.created(licenseId, new LicenseEventsFixture.State("IN_USE", expiry, 5, 50));
        Instant reportedBeforeTheExpansion = clock.instant();

        clock.advance(Duration.ofHours(1));
        licenses.updated(licenseId, 1, new LicenseEventsFixture.State("IN_USE", expiry, 10, 100));
        licenses.usage(licenseId, 8, 80, reportedBeforeTheExpansion, 0,
                new LicenseEventsFixture.State("IN_USE", expiry, 5, 50));

        assertThat(openTypes(licenseId)).isEmpty();
        LicenseModel model = models.find(licenseId).orElseThrow();
        assertThat(model.getAuthorizedWorkspaces()).isEqualTo(10);
        assertThat(model.getAuthorizedUsers()).isEqualTo(100);
        assertThat(model.getUsageUsers()).isEqualTo(80);
    }

    @Test
    void usageOverTheLimitRaisesOveruseAndUsageBackUnderItResolves() throws Exception {
        clock.set(Instant.parse("2030-05-01T09:00:00Z"));
        String licenseId = LicenseEventsFixture.newLicenseId();
        licenses.created(licenseId, "IN_USE", LocalDate.parse("2032-01-01"), 5, 50);

        licenses.usage(licenseId, 4, 51, 5, 50);
        assertThat(openTypes(licenseId)).containsExactly("OVERUSE_USERS");
        ConsumerRecord<String, String> raised = kafka.awaitRecord(AlertEvents.TOPIC,
                r -> licenseId.equals(r.key()) && r.value().contains(AlertEvents.RAISED));
        JsonNode data = JSON.readTree(raised.value()).get("data");
        assertThat(data.get("type").asString()).isEqualTo("OVERUSE_USERS");
        assertThat(data.get("status").asString()).isEqualTo("OPEN");
        assertThat(data.get("resellerId").asString()).isEqualTo("acme");
        assertThat(data.get("details").get("used").asInt()).isEqualTo(51);

        clock.advance(Duration.ofDays(1));
        licenses.usage(licenseId, 6, 52, 5, 50);
        assertThat(openTypes(licenseId)).containsExactlyInAnyOrder("OVERUSE_USERS", "OVERUSE_WORKSPACES");

        clock.advance(Duration.ofDays(1));
        licenses.usage(licenseId, 5, 50, 5, 50);
        assertThat(openTypes(licenseId)).isEmpty();
        kafka.awaitRecord(AlertEvents.TOPIC, r -> licenseId.equals(r.key()) && r.value().contains(AlertEvents.RESOLVED)
                && r.value().contains("OVERUSE_WORKSPACES"));
    }

    @Test
    void deployedLicenseWithoutUsageReportsForThirtyDaysIsInactiveUntilReportsResume() throws Exception {
        clock.set(Instant.parse("2030-07-01T09:00:00Z"));
        String licenseId = LicenseEventsFixture.newLicenseId();
        licenses.created(licenseId, "CREATED", LocalDate.parse("2032-01-01"), 5, 50);
        licenses.statusChanged(licenseId, "CREATED", "DEPLOYED");

        clock.set(Instant.parse("2030-07-30T09:00:00Z"));
        scanNow();
        assertThat(openTypes(licenseId)).isEmpty();

        clock.set(Instant.parse("2030-07-31T09:00:00Z"));
        scanNow();
        assertThat(openTypes(licenseId)).containsExactly("INACTIVE");

        licenses.usage(licenseId, 2, 10);
        assertThat(openTypes(licenseId)).isEmpty();

        clock.set(Instant.parse("2030-08-31T09:00:00Z"));   // 31 days after that report
        scanNow();
        assertThat(openTypes(licenseId)).containsExactly("INACTIVE");
    }

    @Test
    void spikeAndDropToZeroAreIrregularWhileSteadyGrowthIsNot() throws Exception {
        clock.set(Instant.parse("2030-09-01T09:00:00Z"));
        String growing = LicenseEventsFixture.newLicenseId();
        licenses.created(growing, "IN_USE", LocalDate.parse("2032-01-01"), 1000, 1000);
        for (int week = 0; week < 10; week++) {
            licenses.usage(growing, 10 + week, 100 + 12 * week);
            clock.advance(Duration.ofDays(7));
        }
        assertThat(alertsOf(growing, null)).isEmpty();

        licenses.usage(growing, 19, 600);
        assertThat(openTypes(growing)).containsExactly("IRREGULAR_USAGE");
        assertThat(alertsOf(growing, "OPEN").get(0).get("details").get("measure").asString()).isEqualTo("users");

        clock.advance(Duration.ofDays(7));
        licenses.usage(growing, 20, 225);
        assertThat(openTypes(growing)).isEmpty();

        clock.advance(Duration.ofDays(7));
        licenses.usage(growing, 0, 0);
        assertThat(openTypes(growing)).containsExactly("IRREGULAR_USAGE");
        assertThat(alertsOf(growing, "OPEN").get(0).get("details").get("method").asString())
                .isEqualTo("drop-to-zero");
    }

    @Test
    void redeliveredAndRepeatedEventsRaiseNothingNew() throws Exception {
        clock.set(Instant.parse("2030-11-01T09:00:00Z"));
        String licenseId = LicenseEventsFixture.newLicenseId();
        licenses.created(licenseId, "IN_USE", LocalDate.parse("2032-01-01"), 5, 50);
        licenses.usage(licenseId, 9, 10, 5, 50);
        String overuse = licenses.lastEventJson();

        licenses.resend(licenseId, overuse);                 // the same event again
        licenses.usage(licenseId, 9, 10, 5, 50);             // the same overuse told once more
        clock.advance(Duration.ofHours(1));
        scanNow();

        assertThat(alertsOf(licenseId, null)).extracting(a -> a.get("type").asString())
                .containsExactly("OVERUSE_WORKSPACES");
        licenses.statusChanged(licenseId, "IN_USE", "TERMINATED");
        kafka.awaitRecord(AlertEvents.TOPIC, r -> licenseId.equals(r.key()) && r.value().contains(AlertEvents.RESOLVED));
        assertThat(kafka.records(AlertEvents.TOPIC)).filteredOn(r -> licenseId.equals(r.key()))
                .extracting(r -> JSON.readTree(r.value()).get("type").asString())
                .containsExactly(AlertEvents.RAISED, AlertEvents.RESOLVED);
    }

    @Test
    void acknowledgedAlertStaysOpenIsNotRaisedAgainAndResolvesWhenTheConditionEnds() throws Exception {
        clock.set(Instant.parse("2031-01-01T09:00:00Z"));
        String licenseId = LicenseEventsFixture.newLicenseId();
        licenses.created(licenseId, "IN_USE", LocalDate.parse("2033-01-01"), 5, 50);
        licenses.usage(licenseId, 1, 70, 5, 50);
        String alertId = alertsOf(licenseId, "OPEN").get(0).get("id").asString();

        mvc.perform(post("/api/v1/alerts/" + alertId + "/acknowledge").header("If-Match", "\"7\"")
                        .header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post("/api/v1/alerts/" + alertId + "/acknowledge")
                        .header("Authorization", bearer(tokens.partnerToken("acme"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/alerts/" + alertId + "/acknowledge")
                        .header("Authorization", bearer(tokens.tokenFor("erin", "engineer"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.acknowledgedBy").value("erin"))
                .andExpect(jsonPath("$.acknowledgedAt").value("2031-01-01T09:00:00Z"));
        kafka.awaitRecord(AlertEvents.TOPIC, r -> licenseId.equals(r.key()) && r.value().contains(AlertEvents.ACKNOWLEDGED)
                && r.value().contains("erin"));

        clock.advance(Duration.ofDays(1));
        licenses.usage(licenseId, 1, 80, 5, 50);
        scanNow();
        assertThat(alertsOf(licenseId, null)).hasSize(1);
        assertThat(openTypes(licenseId)).containsExactly("OVERUSE_USERS");

        licenses.usage(licenseId, 1, 40, 5, 50);
        assertThat(alertsOf(licenseId, "RESOLVED")).hasSize(1);
        mvc.perform(post("/api/v1/alerts/" + alertId + "/acknowledge")
                        .header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isConflict());
    }

    @Test
    void statsCountOpenAlertsByTypeAndSeverity() throws Exception {
        clock.set(Instant.parse("2031-03-01T09:00:00Z"));
        JsonNode before = stats();
        String licenseId = LicenseEventsFixture.newLicenseId();
        licenses.created(licenseId, "IN_USE", LocalDate.parse("2031-03-20"), 5, 50);
        licenses.usage(licenseId, 6, 60, 5, 50);

        JsonNode after = stats();
        assertThat(after.get("byType").get("EXPIRING_30").asLong() - before.get("byType").get("EXPIRING_30").asLong())
                .isEqualTo(1);
        assertThat(after.get("byType").get("OVERUSE_USERS").asLong() - before.get("byType").get("OVERUSE_USERS").asLong())
                .isEqualTo(1);
        assertThat(after.get("bySeverity").get("CRITICAL").asLong() - before.get("bySeverity").get("CRITICAL").asLong())
                .isEqualTo(2);
        assertThat(after.get("open").asLong() - before.get("open").asLong()).isEqualTo(3);
        mvc.perform(get("/api/v1/stats/alerts")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/stats/alerts").header("Authorization", bearer(tokens.partnerToken("acme"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void concurrentScansOfOnePeriodHaveOneWinner() throws Exception {
        clock.set(Instant.parse("2031-05-01T09:00:00Z"));
        ExecutorService instances = Executors.newFixedThreadPool(4);
        try {
            List<Callable<LicenseScan.ScanResult>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(scan::runIncrementalIfClaimed);
            }
            List<Boolean> ran = new ArrayList<>();
            for (Future<LicenseScan.ScanResult> result : instances.invokeAll(runs)) {
                ran.add(result.get().ran());
            }
            assertThat(ran).containsOnlyOnce(true);
        } finally {
            instances.shutdownNow();
        }
        clock.advance(Duration.ofMinutes(20));
        assertThat(scan.runIncrementalIfClaimed().ran()).isFalse();
        clock.advance(Duration.ofMinutes(20));
        assertThat(scan.runIncrementalIfClaimed().ran()).isTrue();
    }

    private void scanNow() {
        assertThat(scan.runIncrementalIfClaimed().ran()).isTrue();
    }

    private JsonNode stats() throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/stats/alerts").header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private List<String> openTypes(String licenseId) throws Exception {
        List<String> types = new ArrayList<>();
        for (String status : List.of("OPEN", "ACKNOWLEDGED")) {
            alertsOf(licenseId, status).forEach(a -> types.add(a.get("type").asString()));
        }
        return types;
    }

    private List<JsonNode> alertsOf(String licenseId, String status) throws Exception {
        var request = get("/api/v1/alerts").param("licenseId", licenseId).param("size", "200")
                .header("Authorization", bearer(tokens.engineerToken()));
        if (status != null) {
            request.param("status", status);
        }
        JsonNode page = JSON.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        List<JsonNode> alerts = new ArrayList<>();
        page.get("content").forEach(alerts::add);
        return alerts;
    }
}
