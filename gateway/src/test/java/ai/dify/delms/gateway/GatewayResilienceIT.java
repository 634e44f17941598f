package ai.dify.delms.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static ai.dify.delms.gateway.GatewaySecurityIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services that cannot answer give 503 problem+json naming the service, never a 500 and never a
 * hang: a stopped instance (connection refused), no instance at all, a frozen instance (accepts
 * TCP, never answers). Idempotent GETs are retried on connection errors, other methods are not.
 */
class GatewayResilienceIT extends GatewayTestSupport {

    static final StandInService licenses = StandInService.start("license-service");
    static final StandInService sales = StandInService.start("sales-service");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        instance(registry, "license-service", 0, licenses.uri());
        instance(registry, "customer-service", 0, StandInService.stoppedInstanceUri());
        // One instance stopped, one healthy: what a retry is for.
        instance(registry, "sales-service", 0, StandInService.stoppedInstanceUri());
        instance(registry, "sales-service", 1, sales.uri());
        instance(registry, "deployment-service", 0, StandInService.frozenInstanceUri());
        // alert-service: no instance registered at all.
    }

    @Autowired
    CircuitBreakerRegistry breakers;

    final String token = issuer.tokenFor("alice", "admin");

    @Test
    void stoppedInstanceGives503NamingTheService() {
        HttpResponse<String> response = get("/api/v1/customers", token);

        assertUnavailable(response, "customer-service");
    }

    @Test
    void serviceWithoutAnyInstanceGives503NamingTheService() {
        assertUnavailable(get("/api/v1/alerts", token), "alert-service");
        assertUnavailable(send("POST", "/api/v1/alerts/1/acknowledge", token), "alert-service");
    }

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void frozenInstanceGives503InsteadOfHanging() {
        HttpResponse<String> response = get("/api/v1/engineers", token);

        assertUnavailable(response, "deployment-service");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void writeThatMayHaveReachedAFrozenServiceGives504OutcomeUnknownNotAnInvitationToRepeat() {
        HttpResponse<String> post = send("POST", "/api/v1/engineers", token);
        assertOutcomeUnknown(post, "deployment-service");
        assertThat(post.headers().firstValue("Retry-After")).isEmpty();
        assertThat(json(post).get("detail").asString()).contains("Check whether it did before sending it again");

        HttpResponse<String> patch = send(request("/api/v1/engineers/1", token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/merge-patch+json"));
        assertOutcomeUnknown(patch, "deployment-service");
        assertThat(patch.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void postWithAnIdempotencyKeyThatMayHaveReachedTheServiceMayBeRepeatedWithTheKey() {
        HttpResponse<String> response = send(request("/api/v1/engineers", token)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                .header("Idempotency-Key", "engineer-1"));

        assertOutcomeUnknown(response, "deployment-service");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(response).get("detail").asString()).contains("same Idempotency-Key is safe");
    }

    @Test
    void postThatNeverReachedTheServiceGives503WithRetryAfter() {
        assertUnavailable(send("POST", "/api/v1/customers", token), "customer-service");
    }

    @Test
    void slowButHealthyServiceIsNotCutOff() {
        // Well above Resilience4j's 1 s default time limit, well below the configured limits.
        HttpResponse<String> response = get("/api/v1/licenses?answerAfterMs=2500", token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void getIsRetriedOnAnotherInstanceWhenOneRefusesConnections() {
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = get("/api/v1/sales-reps", token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }

    @Test
    void postIsNotRetried() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(send("POST", "/api/v1/purchases", token).statusCode());
        }
        // Round robin over a stopped and a healthy instance: without a retry, some POSTs fail.
        assertThat(statuses).contains(200, 503);
    }

    @Test
    void repeatedFailuresOpenTheBreakerAndItStillAnswers503() {
        for (int i = 0; i < 12; i++) {
            assertUnavailable(get("/api/v1/customers/" + i, token), "customer-service");
        }

        assertThat(breakers.circuitBreaker("customer-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertUnavailable(get("/api/v1/customers", token), "customer-service");
        // Other services keep their own breaker.
        assertThat(get("/api/v1/licenses", token).statusCode()).isEqualTo(200);
    }

    @Test
    void noInstanceDoesNotOpenTheBreakerSoAServiceIsReachableAsSoonAsItRegisters() {
        for (int i = 0; i < 12; i++) {
            assertUnavailable(get("/api/v1/alerts/" + i, token), "alert-service");
        }

        assertThat(breakers.circuitBreaker("alert-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void docsOfAStoppedServiceGive503Too() {
        assertUnavailable(get("/api/v1/docs/customer-service", null), "customer-service");
    }

    private static void assertOutcomeUnknown(HttpResponse<String> response, String service) {
        assertProblem(response, 504);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:delms:problem:outcome-unknown");
        assertThat(json(response).get("outcome").asString()).isEqualTo("unknown");
        assertThat(json(response).get("detail").asString())
                .startsWith(service + " did not answer in time: the request may or may not have taken effect.");
    }

    private static void assertUnavailable(HttpResponse<String> response, String service) {
        assertProblem(response, 503);
        assertThat(json(response).get("detail").asString()).isEqualTo(service + " is unavailable, try again shortly");
        assertThat(json(response).get("type").asString()).isEqualTo("urn:delms:problem:unavailable");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }
}
