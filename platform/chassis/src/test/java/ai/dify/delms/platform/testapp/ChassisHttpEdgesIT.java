package ai.dify.delms.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextCustomizerFactories;

import ai.dify.delms.platform.test.DelmsTestFixtures;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.http.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the real Tomcat answers to requests that are broken below Spring MVC (bytes that are not
 * UTF-8, request targets and headers Tomcat refuses itself, chunked bodies): always problem+json,
 * never Tomcat's HTML page, an empty body or a 500. MockMvc cannot send these; a raw socket can.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.config.enabled=false",
        "spring.cloud.config.import-check.enabled=false",
        "eureka.client.enabled=false",
        "spring.cloud.discovery.enabled=false",
        "server.address=127.0.0.1",
        "logging.file.name=",
        "logging.structured.format.file=",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.kafka=WARN",
        "logging.level.state.change.logger=WARN"})
@ContextCustomizerFactories(DelmsTestFixtures.class)
class ChassisHttpEdgesIT {

    private static final String WIDGETS = "/api/v1/widgets";

    @LocalServerPort
    int port;
    @Autowired
    TestTokens tokens;

    private String admin() {
        return "Authorization: Bearer " + tokens.adminToken();
    }

    private static JsonNode assertProblem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("urn:delms:problem:");
        assertThat(problem.get("title").asString()).isNotBlank();
        return problem;
    }

    @ParameterizedTest
    @ValueSource(strings = {"?size=%FF%FE", "?unknown=%ED%A0%80", "?page=0&name=%C3", "?%FF=1", "?size=%G1"})
    void queryThatIsNotPercentEncodedUtf8Is400Problem(String query) {
        JsonNode problem = assertProblem(RawHttp.send(port, "GET", WIDGETS + query, admin()), 400);

        assertThat(problem.get("detail").asString()).contains("UTF-8");
    }

    @Test
    void queryThatIsNotUtf8IsRefusedOnAWriteToo() {
        assertProblem(RawHttp.send(port, "DELETE", WIDGETS + "/" + UUID.randomUUID() + "?x=%FF", admin()), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%FF%FE", "/%ED%A0%80", "/%00", "/a%2Fb", "/a%5Cb", "/../widgets", "/a%0D%0Ab"})
    void pathSegmentTomcatOrTheFirewallRefusesIs400Problem(String segment) {
        assertProblem(RawHttp.send(port, "GET", WIDGETS + segment, admin()), 400);
    }

    @Test
    void overLongRequestLineIsProblem() {
        RawHttp.Response response = RawHttp.send(port, "GET", WIDGETS + "/" + "a".repeat(20_000), admin());

        assertThat(response.status()).isIn(400, 414);
        assertProblem(response, response.status());
    }

    @Test
    void overLargeHeadersAreProblem() {
        RawHttp.Response response = RawHttp.send(port, "GET", WIDGETS, admin(), "X-Padding: " + "b".repeat(20_000));

        assertThat(response.status()).isIn(400, 431);
        assertProblem(response, response.status());
    }

    @Test
    void chunkedBodyOverTheLimitIs413ProblemAndCreatesNothing() {
        String name = "chunked-" + UUID.randomUUID();
        RawHttp.Response response = RawHttp.sendChunked(port, "POST", WIDGETS, "{\"name\":\"" + name, 3_000_000,
                "\",\"size\":1}", admin(), "Content-Type: application/json");

        JsonNode problem = assertProblem(response, 413);
        assertThat(problem.get("detail").asString()).contains("1024 KB");
    }

    @Test
    void chunkedBodyOverTheLimitIs413ProblemWhenAnIdempotencyKeyMakesTheChassisReadItFirst() {
        RawHttp.Response response = RawHttp.sendChunked(port, "POST", WIDGETS, "{\"name\":\"" + UUID.randomUUID(),
                3_000_000, "\",\"size\":1}", admin(), "Content-Type: application/json",
                "Idempotency-Key: " + UUID.randomUUID());

        assertProblem(response, 413);
    }

    @Test
    void chunkedBodyUnderTheLimitIsTakenAsUsual() {
        String name = "chunked-small-" + UUID.randomUUID();
        RawHttp.Response response = RawHttp.sendChunked(port, "POST", WIDGETS, "{\"name\":\"" + name, 0,
                "\",\"size\":1}", admin(), "Content-Type: application/json");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains(name);
    }
}
