package ai.dify.delms.gateway;

import ai.dify.delms.platform.test.tokens.TestTokenIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Starts the real gateway with the repository's real config/application.yml and config/gateway.yml
 * (config-server and Eureka off; services found through the simple discovery client), a real
 * JWT issuer whose keys the gateway fetches over HTTP, and a private Redis for the rate limiter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.config.enabled=false",
        "spring.config.import=file:../config/application.yml,file:../config/gateway.yml",
        "eureka.client.enabled=false",
        "server.address=127.0.0.1",
        "management.server.port=0",
        "management.tracing.sampling.probability=1.0",
        // no built web app unless a test brings one (GatewayWebAppIT)
        "delms.web.dir=target/no-web-app"})
abstract class GatewayTestSupport {

    static final TestTokenIssuer issuer = TestTokenIssuer.start();
    static final LocalRedis redis = LocalRedis.start();

    private static final HttpClient http = HttpClient.newBuilder()
            // plain HTTP/1.1 like curl and browsers on http://: no h2c upgrade attempts on pooled connections
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    /** The actuator's own port (probes, metrics), apart from the public API port. */
    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void tokenIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer::issuerUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer::jwkSetUri);
        registry.add("spring.data.redis.port", redis::port);
    }

    static void instance(DynamicPropertyRegistry registry, String serviceId, int index, String uri) {
        registry.add("spring.cloud.discovery.client.simple.instances." + serviceId + "[" + index + "].uri", () -> uri);
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** GET on the management port, as a probe or a metrics scraper calls it. */
    HttpResponse<String> getManagement(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(30)).GET());
    }

    HttpResponse<String> send(String method, String path, String token) {
        return send(request(path, token).method(method, HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json"));
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
