package ai.dify.delms.systemtests.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import ai.dify.delms.systemtests.chaos.LicenseTraffic;
import ai.dify.delms.systemtests.chaos.ReadModels;
import ai.dify.delms.systemtests.support.CloudEvent;
import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.KafkaTopicReader;
import ai.dify.delms.systemtests.support.ServiceDatabase;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.SystemUnderTest;
import ai.dify.delms.systemtests.support.TestData;
import ai.dify.delms.systemtests.support.Tokens;

/**
 * The scheduled jobs with every instance running them: license-service's expiry job (every instance
 * at the same moment of its cron) expires each due license once, and alert-service's license scan
 * runs once per period on whichever instance claims it. The local profile runs both every half
 * minute (config/), so a few periods pass within the test.
 */
@SystemTest
@Order(40)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduledJobsIT {

    private static final String EXPIRY_JOB = "ai.dify.delms.license.expiry.internal.LicenseExpiryJob";
    private static final String SCAN = "ai.dify.delms.alert.evaluation.internal.ScheduledLicenseScan";
    private static final int DUE_LICENSES = 12;
    private static final Duration BOUND = Duration.ofMinutes(3);

    /** Every claim of the incremental scan (decision 39) seen in job_claim while the class runs. */
    private static final NavigableMap<Instant, String> scanClaims = new ConcurrentSkipListMap<>();
    private static final ScheduledExecutorService claimWatch = Executors.newSingleThreadScheduledExecutor();
    private static Map<URI, Long> scanAttemptsBefore;

    private final Tokens tokens = Tokens.fromKeycloak();
    private final Gateway gateways = Gateway.takingTurns(SystemUnderTest.gatewayInstances());
    private final ReadModels models = new ReadModels();

    @BeforeAll
    static void watchTheScanClaims() {
        Instances.awaitEveryInstanceReady(Duration.ofMinutes(3));
        scanAttemptsBefore = runs("alert-service", SCAN);
        ServiceDatabase alert = ServiceDatabase.of("alert");
        // claims are at least half a period apart: a look every 250 ms sees each one
        claimWatch.scheduleWithFixedDelay(() -> {
            try {
                alert.rows("select started_at, owner from job_claim where name = 'license-scan-incremental' and started_at is not null")
                        .forEach(row -> scanClaims.put(Timestamp.valueOf(((String) row.get("started_at")).replace('T', ' ')).toInstant(),
                                String.valueOf(row.get("owner"))));
            } catch (RuntimeException e) {
                // a failed look is made again a moment later
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
    }

    @AfterAll
    static void stopWatching() {
        claimWatch.shutdownNow();
    }

    @Test
    @Order(1)
    void licensesPastTheirExpiryDateExpireOnceWhileEveryInstanceRunsTheJob() {
        LicenseTraffic traffic = new LicenseTraffic(gateways, tokens);
        String customer = traffic.knownCustomer();
        Instant start = Instant.now();
        Map<URI, Long> runsBefore = runs("license-service", EXPIRY_JOB);
        List<Callable<String>> creations = IntStream.range(0, DUE_LICENSES)
                .mapToObj(i -> (Callable<String>) () -> createDue(customer)).toList();
        List<String> due = LicenseTraffic.inParallel(creations, 4);

        await("the due licenses expired, in every read model").atMost(BOUND).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(models.owner(due).values()).hasSize(DUE_LICENSES)
                            .allSatisfy(row -> assertThat(row.get("status")).as("%s", row.get("id")).isEqualTo("EXPIRED"));
                    ReadModels.assertAgree(models.differences(due));
                });
        Map<URI, Long> runsAfter = runs("license-service", EXPIRY_JOB);
        runsBefore.forEach((instance, before) -> assertThat(runsAfter.get(instance))
                .as("runs of the expiry job on %s while the licenses were due", instance).isGreaterThan(before));

        for (String id : due) {
            GatewayResponse changes = gateways.get("/api/v1/licenses/" + id + "/changes?size=200", tokens.bob());
            assertThat(changes.status()).as("%s", changes).isEqualTo(200);
            List<JsonNode> expiries = new ArrayList<>();
            changes.json().path("content").forEach(entry -> {
                if ("status".equals(entry.path("field").asString()) && "EXPIRED".equals(entry.path("newValue").asString())) {
                    expiries.add(entry);
                }
            });
            assertThat(expiries).as("change-log entries expiring %s", id).hasSize(1);
            assertThat(expiries.get(0).path("actor").asString()).isEqualTo("license-expiry-job");
        }
        // at-least-once delivery may repeat a record; what counts is one event (one id) per expiry
        await("one expiry event per license on delms.licenses").atMost(BOUND).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, Set<String>> expired = eventIds(start, due, "delms.license.expired.v1");
                    Map<String, Set<String>> toExpired = eventIds(start, due, "delms.license.status-changed.v1");
                    for (String id : due) {
                        assertThat(expired.getOrDefault(id, Set.of())).as("expired events of %s", id).hasSize(1);
                        assertThat(toExpired.getOrDefault(id, Set.of())).as("status changes of %s", id).hasSize(1);
                    }
                });
    }

    @Test
    @Order(2)
    void theAlertScanRunsOncePerPeriodOnWhicheverInstanceClaimsIt() {
        Duration minimumGap = scanInterval().dividedBy(2);
        await("every alert-service instance tried the scan twice, three runs seen").atMost(BOUND)
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    Map<URI, Long> attempts = runs("alert-service", SCAN);
                    return scanClaims.size() >= 3 && scanAttemptsBefore.entrySet().stream()
                            .allMatch(before -> attempts.get(before.getKey()) >= before.getValue() + 2);
                });
        List<Instant> starts = new ArrayList<>(scanClaims.keySet());
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - 1), starts.get(i)))
                    .as("time between scan runs %s and %s (claims: %s)", starts.get(i - 1), starts.get(i), scanClaims)
                    .isGreaterThanOrEqualTo(minimumGap);
        }
    }

    /** A license whose expiry date passed yesterday: the terms accept a start in the past. */
    private String createDue(String customerId) {
        LocalDate today = LocalDate.now();
        Map<String, Object> license = new LinkedHashMap<>(TestData.newLicense(customerId));
        license.put("orderDate", today.minusYears(1).toString());
        license.put("startDate", today.minusYears(1).toString());
        // two days back: "today" is the business time zone's, which may be a day behind this machine's
        license.put("expiryDate", today.minusDays(2).toString());
        GatewayResponse created = gateways.post("/api/v1/licenses", tokens.bob(), license);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** Per license, the distinct ids of events of one type published since {@code start}. */
    private static Map<String, Set<String>> eventIds(Instant start, List<String> licenses, String type) {
        Set<String> wanted = new HashSet<>(licenses);
        Map<String, Set<String>> ids = new HashMap<>();
        try (KafkaTopicReader reader = KafkaTopicReader.since("delms.licenses", start)) {
            for (ConsumerRecord<String, byte[]> record : reader.readToEnd()) {
                if (!wanted.contains(record.key())) {
                    continue;
                }
                CloudEvent event = CloudEvent.of(record);
                boolean toExpired = !type.endsWith("status-changed.v1") || "EXPIRED".equals(event.data().path("to").asString());
                if (type.equals(event.type()) && toExpired) {
                    ids.computeIfAbsent(record.key(), k -> new HashSet<>()).add(event.id());
                }
            }
        }
        return ids;
    }

    /** Each instance's count of runs of a scheduled job so far. */
    private static Map<URI, Long> runs(String service, String jobClass) {
        Map<URI, Long> runs = new LinkedHashMap<>();
        for (URI instance : SystemUnderTest.serviceInstances(service)) {
            runs.put(instance, Instances.scheduledRuns(instance, jobClass));
        }
        return runs;
    }

    /** delms.alerts.scan.interval of the local profile in config/alert-service.yml, which the launcher runs. */
    private static Duration scanInterval() {
        try {
            String yaml = Files.readString(SystemUnderTest.repositoryRoot().resolve("config/alert-service.yml"));
            Duration interval = null;
            for (JsonNode document : new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                JsonNode value = document.path("delms").path("alerts").path("scan").path("interval");
                if (!value.isMissingNode()) {
                    interval = Duration.parse(value.asString()); // the local document comes last and wins
                }
            }
            if (interval == null) {
                throw new IllegalStateException("no delms.alerts.scan.interval in config/alert-service.yml");
            }
            return interval;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
