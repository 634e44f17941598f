package ai.dify.delms.gateway;

import ai.dify.delms.platform.test.http.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway answers to requests broken below Spring (bytes that are not UTF-8, targets the
 * firewall refuses, requests Reactor Netty cannot decode, chunked bodies over the limit): always
 * problem+json, and nothing of it reaches a service. A raw socket sends what ordinary clients refuse to.
 */
class GatewayHttpEdgesIT extends LiveServicesTestSupport {

    private static final long LIMIT = 1024 * 1024;

    private String admin() {
        return "Authorization: Bearer " + issuer.tokenFor("alice", "admin");
    }

    static JsonNode assertProblem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("urn:delms:problem:");
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/licenses?size=%FF%FE", "/api/v1/licenses?unknown=%ED%A0%80",
            "/api/v1/licenses?name=%C3", "/api/v1/licenses/%FF%FE",
            "/api/v1/licenses/%ED%A0%80"})
    void targetThatIsNotPercentEncodedUtf8Is400ProblemAndNeverReachesTheService(String target) {
        int before = licenses.received().size();

        JsonNode problem = assertProblem(RawHttp.send(port, "GET", target, admin()), 400);

        assertThat(problem.get("detail").asString()).contains("UTF-8");
        assertThat(licenses.received()).hasSize(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/licenses/%00", "/api/v1/licenses/a%2Fb", "/api/v1/licenses/a%5Cb",
            "/api/v1/../v1/licenses", "/api/v1/licenses/a%0D%0Ab"})
    void targetTheFirewallRefusesIs400ProblemAndNeverReachesTheService(String target) {
        int before = licenses.received().size();

        assertProblem(RawHttp.send(port, "GET", target, admin()), 400);

        assertThat(licenses.received()).hasSize(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/licenses/a\rb", "/api/v1/licenses?size=%G1"})
    void requestLineThatIsNotHttpIs400ProblemAndNeverReachesTheService(String target) {
        int before = licenses.received().size();

        assertProblem(RawHttp.send(port, "GET", target, admin()), 400);

        assertThat(licenses.received()).hasSize(before);
    }

    @Test
    void overLongRequestLineIs414Problem() {
        assertProblem(RawHttp.send(port, "GET", "/api/v1/licenses/" + "a".repeat(20_000), admin()), 414);
    }

    @Test
    void overLargeHeadersAre431Problem() {
        assertProblem(RawHttp.send(port, "GET", "/api/v1/licenses", admin(), "X-Padding: " + "b".repeat(20_000)), 431);
    }

    @Test
    void chunkedBodyOverTheLimitIs413ProblemAndNeverReachesTheService() {
        int before = licenses.received().size();

        RawHttp.Response response = RawHttp.sendChunked(port, "POST", "/api/v1/licenses", "{\"note\":\"", 3 * LIMIT,
                "\"}", admin(), "Content-Type: application/json");

        JsonNode problem = assertProblem(response, 413);
        assertThat(problem.get("detail").asString()).contains("1024 KB");
        assertThat(licenses.received()).hasSize(before);
    }

    @Test
    void chunkedBodyUnderTheLimitReachesTheService() {
        RawHttp.Response response = RawHttp.sendChunked(port, "POST", "/api/v1/licenses", "{\"note\":\"", 100_000,
                "\"}", admin(), "Content-Type: application/json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(licenses.lastReceived().bodyLength()).isEqualTo(100_000 + "{\"note\":\"\"}".length());
    }
}
