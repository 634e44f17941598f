package ai.dify.delms.config;

import ai.dify.delms.platform.secrets.DemoSecretsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Serves the repository's real config/ folder, as the launcher runs it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "DELMS_CONFIG_DIR=../config",
        "eureka.client.enabled=false"})
@ActiveProfiles("local")
class ConfigServerIT {

    /** The local profile's demo credentials, as every client of a local run sends them. */
    private static final String CLIENT = basic("delms", "delms_config_demo");

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Test
    void licenseServiceGetsItsOwnFileMergedWithTheSharedOneAndTheLocalProfile() throws Exception {
        JsonNode env = getJson("/license-service/local");

        List<String> sources = new ArrayList<>();
        env.get("propertySources").forEach(source -> sources.add(source.get("name").asText()));
        // Most specific first: the service's own file wins over the shared one, a profile over the rest.
        assertThat(sources).hasSize(4);
        assertThat(sources.get(0)).contains("config/license-service.yml").contains("(document #1)");
        assertThat(sources.get(1)).contains("config/license-service.yml").contains("(document #0)");
        assertThat(sources.get(2)).contains("config/application.yml").contains("(document #1)");
        assertThat(sources.get(3)).contains("config/application.yml").contains("(document #0)");

        JsonNode own = env.get("propertySources").get(1).get("source");
        assertThat(own.get("spring.datasource.url").asText())
                .isEqualTo("${DELMS_DB_URL:jdbc:mariadb://127.0.0.1:3306}/delms_license");
        assertThat(own.get("spring.datasource.username").asText()).isEqualTo("delms_license");

        JsonNode local = env.get("propertySources").get(2).get("source");
        assertThat(local.get("eureka.client.registry-fetch-interval-seconds").asInt()).isEqualTo(5);

        JsonNode shared = env.get("propertySources").get(3).get("source");
        // Placeholders travel unresolved: each client resolves them against its own environment.
        assertThat(shared.get("spring.security.oauth2.resourceserver.jwt.issuer-uri").asText())
                .isEqualTo("${DELMS_ISSUER_URI:http://localhost:8180/realms/delms}");
        assertThat(shared.get("spring.security.oauth2.resourceserver.jwt.audiences").asText()).isEqualTo("delms-api");
    }

    @Test
    void everyServiceHasItsOwnDatabaseWithADemoPasswordInTheLocalProfileOnly() throws Exception {
        for (String name : List.of("license", "customer", "sales", "deployment", "alert")) {
            String variable = "DELMS_" + name.toUpperCase() + "_DB_PASSWORD";
            JsonNode own = getJson("/" + name + "-service/k8s").get("propertySources").get(0);
            assertThat(own.get("name").asText()).contains(name + "-service.yml");
            assertThat(own.get("source").get("spring.datasource.url").asText()).endsWith("/delms_" + name);
            assertThat(own.get("source").get("spring.datasource.password").asText()).isEqualTo("${" + variable + ":}");

            JsonNode local = getJson("/" + name + "-service/local").get("propertySources").get(0);
            assertThat(local.get("source").get("spring.datasource.password").asText())
                    .isEqualTo("${" + variable + ":delms_" + name + "_demo}");
        }
    }

    @Test
    void containerProfilesCarryNoDemoCredential() throws Exception {
        for (String application : List.of("license-service", "customer-service", "sales-service",
                "deployment-service", "alert-service", "gateway")) {
            for (String profile : List.of("docker", "k8s")) {
                String all = getJson("/" + application + "/" + profile).get("propertySources").toString();
                assertThat(all).as(application + "/" + profile).doesNotContain("_demo");
                assertThat(all).contains("${DELMS_EUREKA_PASSWORD:}");
            }
        }
    }

    @Test
    void configurationIsServedToNobodyWithoutCredentials() throws Exception {
        HttpResponse<String> anonymous = send(request("/license-service/docker"));
        HttpResponse<String> wrongPassword = send(request("/license-service/docker")
                .header("Authorization", basic("delms", "guess")));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("propertySources");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void containerProfilesGetContainerHostsAndNoLocalTimers() throws Exception {
        JsonNode env = getJson("/license-service/docker");
        String all = env.get("propertySources").toString();

        assertThat(all).contains("\"DELMS_KAFKA_BOOTSTRAP\":\"kafka:9092\"");
        assertThat(all).doesNotContain("registry-fetch-interval-seconds");
    }

    @Test
    void aServiceOfALocalRunFetchesItsConfigurationWithTheDemoCredentials() {
        try (ConfigurableApplicationContext client = startLicenseServiceConfiguration("local")) {
            assertThat(client.getEnvironment().getProperty("spring.datasource.url")).endsWith("/delms_license");
            assertThat(client.getEnvironment().getProperty("spring.datasource.password")).isEqualTo("delms_license_demo");
        }
    }

    @Test
    void aServiceWithAnotherPasswordGetsNoConfiguration() {
        try (ConfigurableApplicationContext client = startLicenseServiceConfiguration("local",
                "--DELMS_CONFIG_PASSWORD=guess")) {
            assertThat(client.getEnvironment().getProperty("spring.datasource.url")).isNull();
        }
    }

    /**
     * license-service's own application.yml (the config-server import and its credentials), read
     * by an application that has nothing else: what it ends up with came from this config-server.
     */
    private ConfigurableApplicationContext startLicenseServiceConfiguration(String profile, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--spring.config.location=file:../license-service/src/main/resources/application.yml",
                "--DELMS_CONFIG_URI=http://127.0.0.1:" + port,
                // config-server's jar switches the config client off in its own JVM
                "--spring.cloud.config.enabled=true"));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(ConfigurationOnly.class).web(WebApplicationType.NONE).profiles(profile)
                .run(all.toArray(String[]::new));
    }

    /** Deliberately no configuration annotation: no beans, and not mistaken for this test's configuration. */
    static class ConfigurationOnly {
    }

    @Test
    void aContainerProfileWithoutSecretsDoesNotStart() {
        DemoSecretsException refused = catchThrowableOfType(DemoSecretsException.class, () ->
                new SpringApplicationBuilder(ConfigServerApplication.class).profiles("k8s")
                        .run("--DELMS_CONFIG_DIR=../config", "--server.port=0"));

        assertThat(refused).isNotNull();
        assertThat(refused.problems()).anySatisfy(problem -> assertThat(problem).contains("DELMS_CONFIG_PASSWORD"))
                .anySatisfy(problem -> assertThat(problem).contains("DELMS_EUREKA_PASSWORD"));
    }

    @Test
    void healthIsUpForAProbeWithoutCredentials() throws Exception {
        HttpResponse<String> health = send(request("/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = send(request(path).header("Authorization", CLIENT));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
