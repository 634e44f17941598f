package ai.dify.delms.discovery;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
@ActiveProfiles("local")
class DiscoveryIT {

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
    void healthIsUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health", "application/json");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    @Test
    void aRegisteredInstanceIsListed() throws Exception {
        String instance = """
                {"instance":{"instanceId":"probe:1","hostName":"127.0.0.1","app":"PROBE","ipAddr":"127.0.0.1",
                "status":"UP","port":{"$":1,"@enabled":"true"},
                "dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}
                """;
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(uri("/eureka/apps/PROBE"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(instance)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(204);

        HttpResponse<String> app = get("/eureka/apps/PROBE", "application/json");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.body()).contains("probe:1");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
