package ai.dify.delms.systemtests.chaos;

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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ai.dify.delms.systemtests.support.ServiceDatabase;
import ai.dify.delms.systemtests.support.Launcher;
import ai.dify.delms.systemtests.support.Outage;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.Tokens;

/**
 * Kafka stopped for a minute while people keep working: 500 license writes (100 new licenses, 400
 * changes of limits) and 100 renewals are all acknowledged; once Kafka is back every event is
 * delivered, every read model agrees with license-service on every license, and each renewal was
 * applied exactly once (one change-log entry per purchase).
 */
@SystemTest
@Order(10)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class KafkaStoppedDuringWritesIT {

    private static final int CUSTOMERS = 10;
    private static final int LICENSES_BEFORE = 100;
    private static final int LICENSES_DURING = 100;
    private static final int CHANGES_PER_LICENSE = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration CONVERGENCE_BOUND = Duration.ofMinutes(2);

    private final Tokens tokens = Tokens.fromKeycloak();
    private final LicenseTraffic traffic = new LicenseTraffic(tokens);
    private final ReadModels models = new ReadModels();
    private final Launcher launcher = Launcher.local();

    @Test
    void everyAcknowledgedWriteReachesEveryReadModelOnceKafkaIsBack() {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(traffic.knownCustomer());
        }
        List<String> existing = LicenseTraffic.inParallel(tasks(LICENSES_BEFORE,
                i -> traffic.createLicense(customers.get(i % CUSTOMERS))), 6);
        awaitAgreement(existing, "before the outage");
        Map<String, LocalDate> expiryBefore = new LinkedHashMap<>();
        models.owner(existing).forEach((id, row) -> expiryBefore.put(id, LocalDate.parse((String) row.get("expiry_date"))));

        Instant start = Instant.now();
        List<String> created;
        long kafkaBack;
        try (Outage kafka = Outage.stop(launcher, "kafka")) {
            long stoppedAt = System.nanoTime();
            List<Callable<String>> writes = new ArrayList<>(tasks(LICENSES_DURING,
                    i -> traffic.createLicense(customers.get(i % CUSTOMERS))));
            for (String id : existing) {
                writes.add(() -> {
                    for (int n = 1; n <= CHANGES_PER_LICENSE; n++) {
                        traffic.setAuthorizedUsers(id, 50 + n);
                    }
                    return null;
                });
                writes.add(() -> traffic.renew(id, expiryBefore.get(id), expiryBefore.get(id).plusYears(1)));
            }
            List<String> results = LicenseTraffic.inParallel(writes, 8);
            created = results.subList(0, LICENSES_DURING);
            long writing = millisSince(stoppedAt);
            sleepUntil(stoppedAt, OUTAGE);
            kafka.end();
            kafkaBack = System.nanoTime();
            ChaosFigures.record("Kafka stopped " + OUTAGE.toSeconds() + " s during writes", Map.of(
                    "writes acknowledged while Kafka was down", LICENSES_DURING + existing.size() * (CHANGES_PER_LICENSE + 1),
                    "time to make them", writing + " ms"));
        }

        List<String> all = new ArrayList<>(existing);
        all.addAll(created);
        await("every read model agrees with license-service and every renewal is applied")
                .atMost(CONVERGENCE_BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<String> differences = new ArrayList<>(models.differences(all));
                    models.owner(existing).forEach((id, row) -> {
                        if (!expiryBefore.get(id).plusYears(1).toString().equals(row.get("expiry_date"))) {
                            differences.add("license-service: " + id + " not renewed yet");
                        }
                        if (!String.valueOf(50 + CHANGES_PER_LICENSE).equals(row.get("authorized_users"))) {
                            differences.add("license-service: " + id + " users " + row.get("authorized_users"));
                        }
                    });
                    ReadModels.assertAgree(differences);
                });
        long converged = millisSince(kafkaBack);

        // exactly once: one expiry change per renewal, CHANGES_PER_LICENSE user changes per license
        ServiceDatabase license = ServiceDatabase.of("license");
        List<Map<String, Object>> perLicense = license.rows("select license_id, sum(field = 'expiryDate') renewals, "
                + "sum(field = 'authorizedUsers') user_changes from license_change where license_id in ("
                + placeholders(existing.size()) + ") group by license_id", existing.toArray());
        assertThat(perLicense).hasSize(existing.size()).allSatisfy(row -> {
            assertThat(row.get("renewals")).as("renewals applied to %s", row.get("license_id")).isEqualTo("1");
            assertThat(row.get("user_changes")).as("user changes of %s", row.get("license_id"))
                    .isEqualTo(String.valueOf(CHANGES_PER_LICENSE));
        });

        ChaosFigures.record("Kafka stopped " + OUTAGE.toSeconds() + " s during writes, after", Map.of(
                "license events delivered", Delivered.on("delms.licenses", start, all),
                "purchase events delivered", Delivered.on("delms.sales", start, existing),
                "read models agreeing on", all.size() + " licenses",
                "converged after Kafka's return", converged + " ms"));
    }

    private void awaitAgreement(List<String> ids, String when) {
        await("read models agree " + when).atMost(CONVERGENCE_BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> ReadModels.assertAgree(models.differences(ids)));
    }

    static <T> List<Callable<T>> tasks(int count, java.util.function.IntFunction<T> task) {
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            tasks.add(() -> task.apply(index));
        }
        return tasks;
    }

    static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
    }

    private static void sleepUntil(long startNanos, Duration length) {
        long remaining = length.toMillis() - millisSince(startNanos);
        if (remaining > 0) {
            try {
                Thread.sleep(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
