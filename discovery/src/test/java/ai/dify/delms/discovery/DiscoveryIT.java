package ai.dify.delms.discovery;

import ai.dify.delms.platform.secrets.DemoSecretsException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
@ActiveProfiles("local")
class DiscoveryIT {

    /** The local profile's demo credentials, as every client of a local run sends them. */
    private static final String CLIENT = basic("delms", "delms_eureka_demo");

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Test
    void registryAnswersWithItsApplicationList() throws Exception {
        HttpResponse<String> apps = get("/eureka/apps", "application/json");

        assertThat(apps.statusCode()).isEqualTo(200);
        assertThat(apps.body()).contains("\"applications\"");
    }

    @Test
    void aClientOfALocalRunRegistersWithTheSharedConfiguration() throws Exception {
        // config/application.yml as config-server serves it: the registry URL built from
        // DELMS_EUREKA_HOST and the local profile's demo password; registered before start returns.
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(RegistryClient.class)
                .web(WebApplicationType.NONE).profiles("local").run(
                        "--spring.config.location=file:../config/application.yml",
                        "--spring.application.name=probe-client",
                        // named in the instance id; nothing listens (no web server)
                        "--server.port=9",
                        "--DELMS_EUREKA_HOST=127.0.0.1:" + port,
                        "--eureka.client.should-enforce-registration-at-init=true",
                        "--eureka.client.fetch-registry=false",
                        // the services' transport (this JVM also has the server's Jersey)
                        "--eureka.client.jersey.enabled=false",
                        "--logging.file.name=")) {
            HttpResponse<String> app = get("/eureka/apps/PROBE-CLIENT", "application/json");

            assertThat(app.statusCode()).isEqualTo(200);
            assertThat(app.body()).contains("probe-client");
        }
    }

    @Test
    void theRegistryAnswersNobodyWithoutItsCredentials() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/eureka/apps"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongPassword = http.send(HttpRequest.newBuilder(uri("/eureka/apps"))
                .header("Accept", "application/json").header("Authorization", basic("delms", "guess"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> registration = http.send(HttpRequest.newBuilder(uri("/eureka/apps/INTRUDER"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(instance("intruder:1"))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> dashboard = http.send(HttpRequest.newBuilder(uri("/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("applications");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(registration.statusCode()).isEqualTo(401);
        assertThat(dashboard.statusCode()).isEqualTo(401);
        assertThat(get("/eureka/apps/INTRUDER", "application/json").statusCode()).isEqualTo(404);
    }

    @Test
    void aContainerProfileWithoutAPasswordDoesNotStart() {
        DemoSecretsException refused = catchThrowableOfType(DemoSecretsException.class, () ->
                new SpringApplicationBuilder(DiscoveryApplication.class).profiles("k8s").run("--server.port=0"));

        assertThat(refused).isNotNull();
        assertThat(refused.problems()).singleElement().asString()
                .contains("spring.security.user.password is empty").contains("DELMS_EUREKA_PASSWORD");
    }

    @Test
    void healthIsUpForAProbeWithoutCredentials() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    @Test
    void aRegisteredInstanceIsListed() throws Exception {
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(uri("/eureka/apps/PROBE"))
                .header("Content-Type", "application/json").header("Authorization", CLIENT)
                .POST(HttpRequest.BodyPublishers.ofString(instance("probe:1"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(204);

        HttpResponse<String> app = get("/eureka/apps/PROBE", "application/json");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.body()).contains("probe:1");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).header("Authorization", CLIENT)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String instance(String id) {
        String app = id.substring(0, id.indexOf(':')).toUpperCase();
        return """
                {"instance":{"instanceId":"%s","hostName":"127.0.0.1","app":"%s","ipAddr":"127.0.0.1",
                "status":"UP","port":{"$":1,"@enabled":"true"},
                "dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}
                """.formatted(id, app);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** An application with nothing but what auto-configuration gives it: here the Eureka client. */
    @EnableAutoConfiguration
    static class RegistryClient {
    }
}
