package ai.dify.delms.systemtests.chaos;

import static ai.dify.delms.systemtests.chaos.KafkaStoppedDuringWritesIT.millisSince;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ai.dify.delms.systemtests.support.Launcher;
import ai.dify.delms.systemtests.support.Outage;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.SystemUnderTest;
import ai.dify.delms.systemtests.support.Tokens;

/**
 * The database server restarted while people keep writing: every service reports itself unready
 * while it is gone and ready again by itself once it is back (no restart of any service), no write
 * that was acknowledged is lost, every read model catches up, and no consumed event ends in a
 * dead-letter topic (a database outage is a reason to retry, not poison).
 */
@SystemTest
@Order(40)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class DatabaseRestartIT {

    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration BOUND = Duration.ofMinutes(3);

    private final Tokens tokens = Tokens.fromKeycloak();
    private final LicenseTraffic traffic = new LicenseTraffic(tokens);
    private final ReadModels models = new ReadModels();
    private final Launcher launcher = Launcher.local();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void servicesGoUnreadyAndRecoverWithoutLosingAnAcknowledgedWrite() throws Exception {
        String customer = traffic.knownCustomer();
        long deadLettersBefore = DeadLetters.total();
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        Set<String> unsure = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            int n = 0;
            while (writing.get()) {
                String id = null;
                try {
                    id = traffic.createLicense(customer);
                    acknowledged.put(id, 50);
                    traffic.setAuthorizedUsers(id, 70 + n % 10);
                    acknowledged.put(id, 70 + n % 10);
                } catch (AssertionError | RuntimeException refusedWhileDown) {
                    if (id != null) {
                        unsure.add(id); // the change was refused or its answer lost: either value is right
                    }
                    refused.incrementAndGet();
                    pause(200);
                }
                n++;
            }
        }, "chaos-writer");
        writer.start();
        long unready;
        long ready;
        try {
            pause(3_000);
            try (Outage database = Outage.stop(launcher, "mariadb")) {
                long stoppedAt = System.nanoTime();
                Set<String> seenUnready = new TreeSet<>();
                await("every service reports unready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                        .until(() -> {
                            SystemUnderTest.services().stream().filter(s -> !isReady(s)).forEach(seenUnready::add);
                            return seenUnready.size() == SystemUnderTest.services().size();
                        });
                unready = millisSince(stoppedAt);
                pause(Math.max(0, OUTAGE.toMillis() - millisSince(stoppedAt)));
                database.end();
            }
            long startedAt = System.nanoTime();
            await("every service ready again, by itself").atMost(BOUND).pollInterval(Duration.ofMillis(500))
                    .until(() -> SystemUnderTest.services().stream().allMatch(this::isReady));
            ready = millisSince(startedAt);
            pause(5_000);
        } finally {
            writing.set(false);
            writer.join(60_000);
        }

        List<String> licenses = new ArrayList<>(acknowledged.keySet());
        assertThat(licenses).as("licenses created around the outage").isNotEmpty();
        long caughtUpFrom = System.nanoTime();
        await("read models agree on every acknowledged license").atMost(BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<String> wrong = new ArrayList<>(models.differences(licenses));
                    models.owner(licenses).forEach((id, row) -> {
                        if (!unsure.contains(id)
                                && !String.valueOf(acknowledged.get(id)).equals(row.get("authorized_users"))) {
                            wrong.add(id + " has " + row.get("authorized_users") + " users, acknowledged "
                                    + acknowledged.get(id));
                        }
                    });
                    ReadModels.assertAgree(wrong);
                });
        long deadLettered = DeadLetters.total() - deadLettersBefore;
        assertThat(deadLettered).as("consumed events dead-lettered during the database outage").isZero();
        ChaosFigures.record("database restarted under load", Map.of("licenses acknowledged", licenses.size(),
                "writes refused while it was down", refused.get(), "every service unready after", unready + " ms",
                "every service ready again after its start", ready + " ms",
                "read models agreed after", millisSince(caughtUpFrom) + " ms", "dead-lettered", deadLettered));
    }

    private boolean isReady(String service) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    SystemUnderTest.serviceHealth(service))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
