package ai.dify.delms.systemtests.security;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static ai.dify.delms.systemtests.support.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's per-client rate limit as a partner meets it: a burst well over the partner limit
 * (20 at once, 10 a second in the launcher's configuration) gets 429 problem+json with Retry-After
 * for what is over; another partner, counted in its own bucket, is served meanwhile; after the
 * wait the limited client is served again.
 */
@SystemTest
@Order(60)
class RateLimitIT {

    private static final int BURST = 80;
    private static final int OTHER_CLIENTS_REQUESTS = 5;
    private static final String PATH = "/api/partner/v1/alerts?size=1";

    private final Tokens tokens = Tokens.fromKeycloak();
    private final Gateway gateway = Gateway.local();

    @Test
    void aBurstOverThePartnerLimitGets429WithRetryAfterWhileOtherClientsAreServedAndItRecovers() throws Exception {
        String globex = tokens.partnerGlobex();
        String acme = tokens.partnerAcme();
        List<CompletableFuture<GatewayResponse>> globexAnswers = new ArrayList<>();
        List<CompletableFuture<GatewayResponse>> acmeAnswers = new ArrayList<>();

        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            for (int i = 0; i < BURST; i++) {
                globexAnswers.add(CompletableFuture.supplyAsync(() -> gateway.get(PATH, globex), pool));
                if (i % (BURST / OTHER_CLIENTS_REQUESTS) == 0) {
                    acmeAnswers.add(CompletableFuture.supplyAsync(() -> gateway.get(PATH, acme), pool));
                }
            }
            CompletableFuture.allOf(globexAnswers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            CompletableFuture.allOf(acmeAnswers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }

        List<GatewayResponse> limited = globexAnswers.stream().map(CompletableFuture::join).filter(r -> r.status() == 429).toList();
        List<GatewayResponse> served = globexAnswers.stream().map(CompletableFuture::join).filter(r -> r.status() == 200).toList();
        assertThat(limited.size() + served.size()).as("every answer is 200 or 429").isEqualTo(BURST);
        assertThat(served).as("the burst capacity is served").isNotEmpty();
        assertThat(limited).as("what is over the limit is refused").isNotEmpty();
        for (GatewayResponse refused : limited) {
            assertProblem(refused, 429);
            assertThat(refused.header("Retry-After").map(Integer::valueOf).orElse(0)).as("Retry-After of %s", refused).isPositive();
            assertThat(refused.json().has("content")).isFalse();
        }
        assertThat(acmeAnswers).as("acme has its own bucket")
                .allSatisfy(answer -> assertThat(answer.join().status()).as("%s", answer.join()).isEqualTo(200));

        int retryAfter = limited.get(0).header("Retry-After").map(Integer::valueOf).orElseThrow();
        await().pollDelay(Duration.ofSeconds(retryAfter)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(gateway.get(PATH, globex).status()).isEqualTo(200));
    }
}
