package ai.dify.delms.systemtests.chaos;

import static ai.dify.delms.systemtests.chaos.KafkaStoppedDuringWritesIT.millisSince;
import static ai.dify.delms.systemtests.chaos.KafkaStoppedDuringWritesIT.tasks;
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

import ai.dify.delms.systemtests.support.KafkaConsumerGroups;
import ai.dify.delms.systemtests.support.Launcher;
import ai.dify.delms.systemtests.support.Outage;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.Tokens;

/**
 * Two renewals of one license recorded back to back, for 50 licenses: the license always ends at
 * the later renewal's expiry, whether Kafka delivers them at once or after an outage (when the
 * outbox sends both together once Kafka is back).
 */
@SystemTest
@Order(20)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TwoRenewalsIT {

    private static final int LICENSES = 50;
    private static final Duration BOUND = Duration.ofMinutes(2);

    private final Tokens tokens = Tokens.fromKeycloak();
    private final LicenseTraffic traffic = new LicenseTraffic(tokens);
    private final ReadModels models = new ReadModels();
    private final Launcher launcher = Launcher.local();

    @Test
    void withKafkaUpTheLaterRenewalWins() {
        Map<String, LocalDate> expiry = licenses();
        Instant start = Instant.now();
        long recordedAt = System.nanoTime();
        renewTwice(expiry);
        long converged = awaitLaterExpiry(expiry, recordedAt);
        ChaosFigures.record("two renewals back to back, Kafka up", Map.of("licenses", LICENSES,
                "purchase events delivered", Delivered.on("delms.sales", start, expiry.keySet()),
                "every license at the later expiry after", converged + " ms"));
    }

    @Test
    void whileKafkaIsDownTheLaterRenewalWins() {
        Map<String, LocalDate> expiry = licenses();
        Instant start = Instant.now();
        long kafkaBack;
        try (Outage kafka = Outage.stop(launcher, "kafka")) {
            renewTwice(expiry);
            kafka.end();
            kafkaBack = System.nanoTime();
        }
        long converged = awaitLaterExpiry(expiry, kafkaBack);
        ChaosFigures.record("two renewals back to back, Kafka down", Map.of("licenses", LICENSES,
                "purchase events delivered", Delivered.on("delms.sales", start, expiry.keySet()),
                "every license at the later expiry after Kafka's return", converged + " ms"));
    }

    /** New licenses every read model knows, with their expiry. */
    private Map<String, LocalDate> licenses() {
        String customer = traffic.knownCustomer();
        List<String> ids = LicenseTraffic.inParallel(tasks(LICENSES, i -> traffic.createLicense(customer)), 6);
        await("read models know the new licenses").atMost(BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> ReadModels.assertAgree(models.differences(ids)));
        Map<String, LocalDate> expiry = new LinkedHashMap<>();
        models.owner(ids).forEach((id, row) -> expiry.put(id, LocalDate.parse((String) row.get("expiry_date"))));
        return expiry;
    }

    /** Per license, one renewal by a year, then right after it another by a second year. */
    private void renewTwice(Map<String, LocalDate> expiry) {
        List<Callable<String>> renewals = new ArrayList<>();
        expiry.forEach((id, end) -> renewals.add(() -> {
            traffic.renew(id, end, end.plusYears(1));
            return traffic.renew(id, end.plusYears(1), end.plusYears(2));
        }));
        LicenseTraffic.inParallel(renewals, 8);
    }

    /**
     * Waits until every license is at its later expiry everywhere, then, once license-service has
     * consumed every purchase, checks again: an earlier renewal applied late must not undo it.
     */
    private long awaitLaterExpiry(Map<String, LocalDate> expiry, long since) {
        await("every license at its later renewal's expiry").atMost(BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> checkLaterExpiry(expiry));
        long converged = millisSince(since);
        try (KafkaConsumerGroups groups = KafkaConsumerGroups.local()) {
            groups.awaitCaughtUp("license-service", "delms.sales", BOUND);
        }
        checkLaterExpiry(expiry);
        return converged;
    }

    private void checkLaterExpiry(Map<String, LocalDate> expiry) {
        List<String> wrong = new ArrayList<>();
        models.owner(expiry.keySet()).forEach((id, row) -> {
            String expected = expiry.get(id).plusYears(2).toString();
            if (!expected.equals(row.get("expiry_date"))) {
                wrong.add(id + " expires " + row.get("expiry_date") + ", paid until " + expected);
            }
        });
        wrong.addAll(models.differences(expiry.keySet()));
        ReadModels.assertAgree(wrong);
    }
}
