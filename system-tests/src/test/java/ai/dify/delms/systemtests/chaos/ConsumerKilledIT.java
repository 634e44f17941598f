package ai.dify.delms.systemtests.chaos;

import static ai.dify.delms.systemtests.chaos.KafkaStoppedDuringWritesIT.millisSince;
import static ai.dify.delms.systemtests.chaos.KafkaStoppedDuringWritesIT.tasks;
import static ai.dify.delms.systemtests.support.ServiceDatabase.placeholders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

import ai.dify.delms.systemtests.support.ServiceDatabase;
import ai.dify.delms.systemtests.support.Launcher;
import ai.dify.delms.systemtests.support.Outage;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.Tokens;

/**
 * Each consuming service killed with SIGKILL in the middle of a stream of events it consumes, and
 * started again: nothing is lost (every read model agrees with license-service on every license of
 * the stream) and nothing is applied twice (license-service's change log has exactly one entry per
 * renewal). license-service consumes purchases; the others consume license events.
 */
@SystemTest
@Order(30)
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ConsumerKilledIT {

    private static final int STREAM = 30;
    private static final Duration BOUND = Duration.ofMinutes(2);

    private final Tokens tokens = Tokens.fromKeycloak();
    private final LicenseTraffic traffic = new LicenseTraffic(tokens);
    private final ReadModels models = new ReadModels();
    private final Launcher launcher = Launcher.local();

    @ParameterizedTest(name = "{0} killed mid-stream")
    @ValueSource(strings = {"sales-service", "alert-service", "deployment-service", "customer-service"})
    void aKilledLicenseEventConsumerMissesNothing(String service) {
        String customer = traffic.knownCustomer();
        Instant start = Instant.now();
        List<String> licenses = new ArrayList<>();
        Outage crash = null;
        long restarted;
        try {
            for (int i = 0; i < STREAM; i++) {
                if (i == STREAM / 3) {
                    crash = Outage.kill(launcher, service); // while it still consumes the first third
                }
                String id = traffic.createLicense(customer);
                traffic.setAuthorizedUsers(id, 60 + i);
                licenses.add(id);
            }
            crash.end();
            restarted = System.nanoTime();
        } finally {
            if (crash != null) {
                crash.close();
            }
        }
        await(service + " caught up").atMost(BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> ReadModels.assertAgree(models.differences(licenses)));
        ChaosFigures.record(service + " killed mid-stream", Map.of("licenses written (2 events each)", STREAM,
                "license events delivered", Delivered.on("delms.licenses", start, licenses),
                "read models agree after restart", millisSince(restarted) + " ms"));
    }

    @org.junit.jupiter.api.Test
    void aKilledLicenseServiceAppliesEveryRenewalOnce() {
        String customer = traffic.knownCustomer();
        List<String> licenses = LicenseTraffic.inParallel(tasks(STREAM, i -> traffic.createLicense(customer)), 6);
        await("read models know the new licenses").atMost(BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> ReadModels.assertAgree(models.differences(licenses)));
        Map<String, LocalDate> expiry = new LinkedHashMap<>();
        models.owner(licenses).forEach((id, row) -> expiry.put(id, LocalDate.parse((String) row.get("expiry_date"))));

        Instant start = Instant.now();
        Outage crash = null;
        long restarted;
        try {
            for (int i = 0; i < STREAM; i++) {
                if (i == STREAM / 3) {
                    crash = Outage.kill(launcher, "license-service"); // while it applies the first third
                }
                String id = licenses.get(i);
                traffic.renew(id, expiry.get(id), expiry.get(id).plusYears(1));
            }
            crash.end();
            restarted = System.nanoTime();
        } finally {
            if (crash != null) {
                crash.close();
            }
        }
        await("every renewal applied").atMost(BOUND).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<String> wrong = new ArrayList<>(models.differences(licenses));
            models.owner(licenses).forEach((id, row) -> {
                if (!expiry.get(id).plusYears(1).toString().equals(row.get("expiry_date"))) {
                    wrong.add(id + " not renewed: " + row.get("expiry_date"));
                }
            });
            ReadModels.assertAgree(wrong);
        });
        long converged = millisSince(restarted);
        List<Map<String, Object>> renewals = ServiceDatabase.of("license").rows("select license_id, count(*) entries "
                + "from license_change where field = 'expiryDate' and license_id in (" + placeholders(licenses.size())
                + ") group by license_id", licenses.toArray());
        assertThat(renewals).hasSize(STREAM)
                .allSatisfy(row -> assertThat(row.get("entries")).as("expiry changes of %s", row.get("license_id"))
                        .isEqualTo("1"));
        ChaosFigures.record("license-service killed mid-stream of renewals", Map.of("renewals", STREAM,
                "purchase events delivered", Delivered.on("delms.sales", start, licenses),
                "change-log entries per renewal", 1, "renewed everywhere after restart", converged + " ms"));
    }
}
