package ai.dify.delms.gateway;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static ai.dify.delms.gateway.GatewaySecurityIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Per-caller rate limits in Redis: a burst is cut off with 429 problem+json and recovers; partners get less. */
@TestPropertySource(properties = {
        // a burst of 3 then one request every 10 s; partners: 2, then one every 20 s (slow enough
        // for a busy test machine to send a burst well within one refill)
        "delms.rate-limit.staff.replenish-rate=1", "delms.rate-limit.staff.requested-tokens=10",
        "delms.rate-limit.staff.burst-capacity=30",
        "delms.rate-limit.partner.replenish-rate=1", "delms.rate-limit.partner.requested-tokens=20",
        "delms.rate-limit.partner.burst-capacity=40"})
class GatewayRateLimitIT extends LiveServicesTestSupport {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    /** The gateway connects to Redis on first use; until then the limiter fails open (remaining -1). */
    @BeforeEach
    void limiterIsConnectedToRedis() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                !"-1".equals(get("/api/v1/licenses", issuer.tokenFor("warm-up-" + System.nanoTime(), "admin"))
                        .headers().firstValue("X-RateLimit-Remaining").orElse("-1")));
    }

    @Test
    void aBurstBeyondTheLimitGets429WithRetryAfterAndOthersAreNotAffected() {
        String token = issuer.tokenFor("burst-" + System.nanoTime(), "sales");
        double rejectedBefore = rejections();
        List<HttpResponse<String>> burst = burst(6, "/api/v1/licenses", token);

        List<HttpResponse<String>> refused = burst.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(burst.stream().filter(r -> r.statusCode() == 200).count()).as("the burst allowance is served").isGreaterThanOrEqualTo(3);
        assertThat(refused).isNotEmpty();
        HttpResponse<String> tooMany = refused.get(0);
        assertProblem(tooMany, 429);
        assertThat(json(tooMany).get("type").asString()).isEqualTo("urn:delms:problem:too-many-requests");
        assertThat(tooMany.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(tooMany.headers().firstValue("X-RateLimit-Remaining")).isPresent();
        // operators see the rejections on /actuator/prometheus (docs/observability.md)
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(rejections()).isGreaterThanOrEqualTo(rejectedBefore + refused.size()));

        // another person's bucket is their own
        assertThat(get("/api/v1/licenses", issuer.tokenFor("bystander-" + System.nanoTime(), "sales")).statusCode()).isEqualTo(200);
        // and the limited caller is served again once the bucket refills
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(3))
                .until(() -> get("/api/v1/licenses", token).statusCode() == 200);
    }

    @Test
    void partnerClientsHaveTheStricterLimit() {
        String code = "rl" + System.nanoTime();
        String token = issuer.partnerToken(code);
        List<Integer> statuses = burst(5, "/api/partner/v1/licenses", token).stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses.stream().filter(s -> s == 200).count()).isGreaterThanOrEqualTo(2);
        assertThat(statuses).contains(429).doesNotContain(503);
    }

    /** The 429 answers the gateway counted: {@code http_server_requests_seconds_count{status="429"}}, all URIs. */
    private double rejections() {
        HttpResponse<String> scrape = getManagement("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        return scrape.body().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("status=\"429\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Sends the requests at once, so that they arrive well within the refill period. */
    private List<HttpResponse<String>> burst(int requests, String path, String token) {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            sent.add(CompletableFuture.supplyAsync(() -> get(path, token), pool));
        }
        return sent.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void withoutRedisRequestsPassUnlimitedAndTheGatewayStaysHealthy() {
        String token = issuer.tokenFor("no-redis-" + System.nanoTime(), "admin");
        redis.stop();
        try {
            for (int i = 0; i < 10; i++) {
                assertThat(get("/api/v1/licenses", token).statusCode()).isEqualTo(200);
            }
            assertThat(getManagement("/actuator/health/readiness").statusCode()).isEqualTo(200);
        } finally {
            redis.launch();
        }
    }
}
