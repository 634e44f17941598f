package ai.dify.delms.systemtests.resilience;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.Launcher;
import ai.dify.delms.systemtests.support.Outage;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.Tokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static ai.dify.delms.systemtests.support.ApiAssertions.assertPage;
import static ai.dify.delms.systemtests.support.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway when a service is gone or hangs: a fast 503 problem that names the service, never a
 * 500 or a hanging request, and normal service again once it is back. Destructive: runs after the
 * other system tests and repairs what it breaks even when it fails.
 */
@SystemTest
@Order(100)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class ServiceOutageIT {

    private static final Logger log = LoggerFactory.getLogger(ServiceOutageIT.class);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(120);

    private static final Tokens tokens = Tokens.fromKeycloak();
    private final Gateway gateway = Gateway.local();
    private final Launcher launcher = Launcher.local();

    @Test
    @Order(1)
    void stoppedServiceGivesServiceUnavailableNamingItUntilItIsBack() {
        assertPage(gateway.get("/api/v1/licenses", tokens.alice()));

        try (Outage outage = Outage.stop(launcher, "license-service")) {
            long stoppedAt = System.nanoTime();
            List<String> before503 = new ArrayList<>();
            AtomicReference<GatewayResponse> last = new AtomicReference<>();
            await("503 from the gateway for the stopped license-service")
                    .atMost(RECOVERY_BOUND)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        GatewayResponse response = gateway.get("/api/v1/licenses", tokens.alice());
                        last.set(response);
                        if (response.status() != 503) {
                            before503.add(response.status() + " " + response.body());
                        }
                        return response.status() == 503;
                    });
            log.info("503 for the stopped license-service after {} ms; answers before it: {}", millisSince(stoppedAt), before503);

            assertProblem(last.get(), 503);
            assertThat(last.get().body()).as("the problem names the service").contains("license-service");
            assertThat(before503).as("answers before the first 503").noneMatch(answer -> answer.startsWith("500 "));

            outage.end();
            long startedAt = System.nanoTime();
            awaitOk("/api/v1/licenses");
            log.info("200 again {} ms after license-service was reported healthy", millisSince(startedAt));
        }
    }

    @Test
    @Order(2)
    void frozenServiceGivesServiceUnavailableInsteadOfHanging() {
        assertPage(gateway.get("/api/v1/customers", tokens.alice()));

        try (Outage outage = Outage.freeze(launcher, "customer-service")) {
            long frozenAt = System.nanoTime();
            // a hang fails here: the client gives up after Gateway.REQUEST_TIMEOUT
            GatewayResponse response = gateway.get("/api/v1/customers", tokens.alice());
            log.info("answer for the frozen customer-service after {} ms: {}", millisSince(frozenAt), response);

            assertProblem(response, 503);

            outage.end();
            long thawedAt = System.nanoTime();
            awaitOk("/api/v1/customers");
            log.info("200 again {} ms after customer-service was thawed", millisSince(thawedAt));
        }
    }

    private void awaitOk(String path) {
        await(path + " answers 200 again")
                .atMost(RECOVERY_BOUND)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertPage(gateway.get(path, tokens.alice())));
    }

    private static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
    }
}
