package ai.dify.delms.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Serves the repository's real config/ folder, as the launcher runs it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "DELMS_CONFIG_DIR=../config",
        "eureka.client.enabled=false"})
@ActiveProfiles("local")
class ConfigServerIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Test
    void licenseServiceGetsItsOwnFileMergedWithTheSharedOneAndTheLocalProfile() throws Exception {
        JsonNode env = getJson("/license-service/local");

        List<String> sources = new ArrayList<>();
        env.get("propertySources").forEach(source -> sources.add(source.get("name").asText()));
        // Most specific first: the service's own file wins over the shared one.
        assertThat(sources).hasSize(3);
        assertThat(sources.get(0)).contains("config/license-service.yml");
        assertThat(sources.get(1)).contains("config/application.yml").contains("(document #1)");
        assertThat(sources.get(2)).contains("config/application.yml").contains("(document #0)");

        JsonNode own = env.get("propertySources").get(0).get("source");
        assertThat(own.get("spring.datasource.url").asText())
                .isEqualTo("${DELMS_DB_URL:jdbc:mariadb://127.0.0.1:3306}/delms_license");
        assertThat(own.get("spring.datasource.username").asText()).isEqualTo("delms_license");

        JsonNode local = env.get("propertySources").get(1).get("source");
        assertThat(local.get("eureka.client.registry-fetch-interval-seconds").asInt()).isEqualTo(5);

        JsonNode shared = env.get("propertySources").get(2).get("source");
        // Placeholders travel unresolved: each client resolves them against its own environment.
        assertThat(shared.get("spring.kafka.bootstrap-servers").asText()).isEqualTo("${DELMS_KAFKA_BOOTSTRAP:127.0.0.1:9092}");
        assertThat(shared.get("spring.security.oauth2.resourceserver.jwt.audiences").asText()).isEqualTo("delms-api");
    }

    @Test
    void everyServiceHasItsOwnDatabase() throws Exception {
        for (String name : List.of("license", "customer", "sales", "deployment", "alert")) {
            JsonNode own = getJson("/" + name + "-service/local").get("propertySources").get(0);
            assertThat(own.get("name").asText()).contains(name + "-service.yml");
            assertThat(own.get("source").get("spring.datasource.url").asText()).endsWith("/delms_" + name);
            assertThat(own.get("source").get("spring.datasource.password").asText())
                    .isEqualTo("${DELMS_" + name.toUpperCase() + "_DB_PASSWORD:delms_" + name + "_demo}");
        }
    }

    @Test
    void containerProfilesGetContainerHostsAndNoLocalTimers() throws Exception {
        JsonNode env = getJson("/license-service/docker");
        String all = env.get("propertySources").toString();

        assertThat(all).contains("\"DELMS_KAFKA_BOOTSTRAP\":\"kafka:9092\"");
        assertThat(all).doesNotContain("registry-fetch-interval-seconds");
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
