package ai.dify.delms.gateway;

import ai.dify.delms.gateway.security.CachingReactiveJwtDecoder;
import ai.dify.delms.platform.test.tokens.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Token checks and the role rules of AccessRules, end to end through the gateway to stand-in services. */
class GatewaySecurityIT extends LiveServicesTestSupport {

    @Autowired
    ReactiveJwtDecoder decoder;

    /** Boot's decoder is wrapped: the second request with a token gets the Jwt verified for the first. */
    @Test
    void aTokenIsVerifiedOnceByTheGateway() {
        String token = issuer.tokenFor("alice", "admin");

        assertThat(decoder).isInstanceOf(CachingReactiveJwtDecoder.class);
        assertThat(decoder.decode(token).block()).isSameAs(decoder.decode(token).block());
    }

    @Test
    void noTokenIs401ProblemAndNothingReachesTheService() {
        int before = licenses.received().size();

        HttpResponse<String> response = get("/api/v1/licenses", null);

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(licenses.received()).hasSize(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/licenses?size=1", "/api/v1/unknown", "/api/v1/docs/index.html"})
    void everyAnswerCarriesTheBrowserSecurityHeaders(String path) {
        HttpResponse<String> response = get(path, path.contains("licenses") ? issuer.tokenFor("alice", "admin") : null);

        var headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElse(""))
                .as("%s %s", path, response.statusCode()).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("Permissions-Policy").orElse("")).contains("camera=()");
        assertThat(headers.allValues("Content-Security-Policy")).as("one policy, not one per hop").hasSize(1);
    }

    @Test
    void expiredTokenIs401() {
        HttpResponse<String> response = get("/api/v1/licenses", issuer.token(t -> t.username("alice").roles("admin").expired()));

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
    }

    @Test
    void tokenForAnotherAudienceIs401() {
        assertProblem(get("/api/v1/licenses", issuer.token(t -> t.username("alice").roles("admin").audience("other-api"))), 401);
    }

    @Test
    void tokenFromAnotherIssuerIs401() {
        try (TestTokenIssuer stranger = TestTokenIssuer.start()) {
            assertProblem(get("/api/v1/licenses", stranger.tokenFor("alice", "admin")), 401);
        }
    }

    @Test
    void tokenClaimingOurIssuerButSignedByAnotherKeyIs401() {
        try (TestTokenIssuer forger = TestTokenIssuer.start()) {
            assertProblem(get("/api/v1/licenses", forger.token(t -> t.issuer(issuer.issuerUri()).username("alice").roles("admin"))), 401);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "sales", "engineer"})
    void everyStaffRoleReadsAndTheServiceGetsTheCallersTokenAndTraceContext(String role) {
        String token = issuer.tokenFor("user-" + role, role);

        HttpResponse<String> response = get("/api/v1/licenses?page=0&size=5", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("service").asString()).isEqualTo("license-service");
        StandInService.Received received = licenses.lastReceived();
        assertThat(received.path()).isEqualTo("/api/v1/licenses");
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        // So that the service writes links (Location, OpenAPI server URL) pointing at the gateway.
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
    }

    @Test
    void eachServiceGetsItsOwnPathsWithAndWithoutTrailingSegments() {
        String token = issuer.tokenFor("bob", "sales");
        record Expect(String path, StandInService service) {}
        for (Expect expect : new Expect[] {
                new Expect("/api/v1/licenses", licenses),
                new Expect("/api/v1/licenses/ENT-202503-123456", licenses),
                new Expect("/api/v1/stats/licenses", licenses),
                new Expect("/api/v1/customers", customers),
                new Expect("/api/v1/customers/42", customers),
                new Expect("/api/v1/sales-reps", sales),
                new Expect("/api/v1/resellers/7", sales),
                new Expect("/api/v1/purchases", sales),
                new Expect("/api/v1/stats/sales", sales),
                new Expect("/api/v1/engineers", deployments),
                new Expect("/api/v1/deployments/3", deployments),
                new Expect("/api/v1/stats/deployments", deployments),
                new Expect("/api/v1/alerts", alerts),
                new Expect("/api/v1/stats/alerts", alerts)}) {
            HttpResponse<String> response = get(expect.path(), token);

            assertThat(response.statusCode()).as(expect.path()).isEqualTo(200);
            assertThat(expect.service().lastReceived().path()).as(expect.path()).isEqualTo(expect.path());
        }
    }

    @Test
    void thePublicKeysOfLicenseFilesAreForEveryoneWithTheirCachingHeadersTheKeysThemselvesForAdmins() {
        HttpResponse<String> anonymous = get("/api/v1/license-keys/public?answerCacheControl=max-age=300,public", null);

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(licenses.lastReceived().path()).isEqualTo("/api/v1/license-keys/public");
        assertThat(anonymous.headers().allValues("Cache-Control")).as("the service's, not no-store")
                .containsExactly("max-age=300,public");
        assertThat(get("/api/v1/license-keys/public", issuer.partnerToken("acme")).statusCode()).isEqualTo(200);

        int before = licenses.received().size();
        assertProblem(get("/api/v1/license-keys", null), 401);
        for (String role : new String[] {"sales", "engineer"}) {
            String token = issuer.tokenFor("user-" + role, role);
            assertProblem(get("/api/v1/license-keys", token), 403);
            assertProblem(get("/api/v1/license-keys/lk-20261207-3f9a2c", token), 403);
            assertProblem(send("POST", "/api/v1/license-keys", token), 403);
            assertProblem(send("POST", "/api/v1/license-keys/lk-20261207-3f9a2c/revoke", token), 403);
        }
        assertProblem(send("POST", "/api/v1/license-keys", issuer.partnerToken("acme")), 403);
        assertThat(licenses.received()).hasSize(before);

        String admin = issuer.tokenFor("alice", "admin");
        assertThat(get("/api/v1/license-keys", admin).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/license-keys", admin).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/license-keys/lk-20261207-3f9a2c/revoke", admin).statusCode()).isEqualTo(200);
        assertThat(licenses.lastReceived().path()).isEqualTo("/api/v1/license-keys/lk-20261207-3f9a2c/revoke");
    }

    @Test
    void partnerTokenOnAStaffRouteIs403() {
        HttpResponse<String> response = get("/api/v1/licenses", issuer.partnerToken("acme"));

        assertProblem(response, 403);
    }

    @Test
    void partnerClientReachesThePartnerApi() {
        String token = issuer.partnerToken("acme");
        for (String path : new String[] {"/api/partner/v1/licenses", "/api/partner/v1/customers/9", "/api/partner/v1/alerts"}) {
            assertThat(get(path, token).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(send("POST", "/api/partner/v1/licenses/ENT-202503-123456/usage", token).statusCode()).isEqualTo(200);
        assertThat(licenses.lastReceived().header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void partnerApiNeedsBothThePartnerRoleAndThePartnerApiScope() {
        assertProblem(get("/api/partner/v1/licenses", issuer.tokenFor("alice", "admin")), 403);
        assertProblem(get("/api/partner/v1/licenses", issuer.token(t -> t.username("paul").roles("partner"))), 403);
        assertProblem(get("/api/partner/v1/licenses", issuer.token(t -> t.username("x").roles("admin").scope("partner-api"))), 403);
    }

    @Test
    void writesFollowTheRolesTable() {
        String admin = issuer.tokenFor("alice", "admin");
        String sales = issuer.tokenFor("bob", "sales");
        String engineer = issuer.tokenFor("erin", "engineer");

        assertProblem(send("POST", "/api/v1/customers", engineer), 403);
        assertThat(send("POST", "/api/v1/customers", sales).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/v1/customers/1", admin).statusCode()).isEqualTo(200);
        assertProblem(send("POST", "/api/v1/purchases", engineer), 403);

        assertProblem(send("POST", "/api/v1/sales-reps", sales), 403);
        assertProblem(send("PATCH", "/api/v1/resellers/1", sales), 403);
        assertProblem(send("POST", "/api/v1/engineers", engineer), 403);
        assertThat(send("POST", "/api/v1/engineers", admin).statusCode()).isEqualTo(200);

        // Mixed capabilities: the gateway lets staff through, the service decides.
        assertThat(send("POST", "/api/v1/licenses/ENT-202503-123456/usage", engineer).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/deployments", sales).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/alerts/5/acknowledge", engineer).statusCode()).isEqualTo(200);
        assertProblem(send("POST", "/api/v1/licenses", issuer.partnerToken("acme")), 403);

        assertProblem(send("DELETE", "/api/v1/customers/1", sales), 403);
        assertThat(send("DELETE", "/api/v1/customers/1", admin).statusCode()).isEqualTo(200);

        // Statistics are read-only.
        assertProblem(send("POST", "/api/v1/stats/licenses", admin), 403);
    }

    @Test
    void unknownRouteIs404ProblemNeverHtml() {
        HttpResponse<String> withToken = send(request("/api/v1/nothing-here", issuer.tokenFor("alice", "admin"))
                .header("Accept", "text/html").GET());
        assertProblem(withToken, 404);
        assertThat(json(withToken).get("type").asString()).isEqualTo("urn:delms:problem:not-found");
        assertThat(withToken.body()).doesNotContain("<html");

        assertProblem(get("/no/such/page", null), 404);
    }

    @Test
    void actuatorIsOnlyOnTheManagementPortWithProbesAndMetrics() {
        // Redis (the rate limiter's store) does not decide the gateway's health: the limiter fails open.
        assertThat(getManagement("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(getManagement("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(getManagement("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(getManagement("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(getManagement("/actuator/info").statusCode()).isEqualTo(200);
        // only health, info and prometheus: not even an admin reads the routes or the environment
        assertThat(getManagement("/actuator/gateway/routes").statusCode()).isIn(401, 404);
        assertThat(getManagement("/actuator/env").statusCode()).isIn(401, 404);

        // the public API port serves no actuator at all
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator/info", "/actuator/env"}) {
            assertProblem(get(path, issuer.tokenFor("alice", "admin")), 404);
        }
    }

    @Test
    void oversizedBodyIs413ProblemAndNeverReachesTheService() {
        int before = licenses.received().size();
        String huge = "{\"notes\":\"" + "x".repeat(1_100_000) + "\"}";
        HttpResponse<String> response = send(request("/api/v1/licenses", issuer.tokenFor("alice", "admin"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(huge)));

        assertProblem(response, 413);
        assertThat(json(response).get("detail").asString()).contains("larger than the limit");
        assertThat(licenses.received()).hasSize(before);
    }

    @Test
    void fallbackIsNotReachableFromOutside() {
        assertProblem(get("/fallback/license-service", null), 401);
        assertProblem(get("/fallback/license-service", issuer.tokenFor("alice", "admin")), 403);
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(contentType(response)).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("urn:delms:problem:");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).isEqualTo(response.uri().getRawPath());
        assertThat(problem.has("trace")).isFalse();
    }
}
