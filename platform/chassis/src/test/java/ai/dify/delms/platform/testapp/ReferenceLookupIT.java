package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.db.TestDatabase;
import ai.dify.delms.platform.test.db.TestDatabaseServer;
import ai.dify.delms.platform.test.kafka.TestKafkaBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reference this service has no local knowledge of is checked at its owner: a second instance of
 * the application, registered in discovery on a port of its own, running only while the test wants
 * it to. Nothing answering there is a 503 that says the reference could not be checked; the owner's
 * 404 is the usual 422.
 */
@DelmsServiceTest
class ReferenceLookupIT {

    private static final int OWNER_PORT = freePort();

    @DynamicPropertySource
    static void ownerInDiscovery(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.enabled", () -> "true");
        registry.add("spring.cloud.discovery.client.simple.instances." + WidgetLinkController.OWNER + "[0].uri",
                () -> "http://127.0.0.1:" + OWNER_PORT);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JsonMapper json;

    @Test
    void aReferenceIsAcceptedOrRefusedByItsOwnerAndNeverCalledUnknownWhileTheOwnerIsAway() throws Exception {
        UUID widget = UUID.randomUUID();
        ownerCannotSay(link(widget));

        try (ConfigurableApplicationContext owner = startOwner()) {
            UUID created = createWidgetAtOwner("made a moment ago");
            link(created).andExpect(status().isOk()).andExpect(jsonPath("$.widgetName").value("made a moment ago"));
            link(widget).andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("widgetId"))
                    .andExpect(jsonPath("$.errors[0].message").value("is not a known widget"));
        }

        ownerCannotSay(link(widget));
    }

    private static void ownerCannotSay(ResultActions result) throws Exception {
        result.andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:delms:problem:unavailable"))
                .andExpect(jsonPath("$.detail").value(containsString("could not be checked")))
                .andExpect(jsonPath("$.detail").value(containsString(WidgetLinkController.OWNER)))
                .andExpect(header().string("Retry-After", "5"));
    }

    private ResultActions link(UUID widgetId) throws Exception {
        return mvc.perform(post("/api/v1/widget-links").header("Authorization", bearer(tokens.salesToken()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"widgetId\":\"" + widgetId + "\"}"));
    }

    /** The owner: this application once more, as a real server on the port discovery names. */
    private ConfigurableApplicationContext startOwner() {
        TestDatabase database = TestDatabaseServer.get().createDatabase();
        return new SpringApplicationBuilder(ChassisTestApplication.class).run(
                "--server.port=" + OWNER_PORT,
                "--server.address=127.0.0.1",
                // a local run: the test database's password may be empty (decision 24)
                "--spring.profiles.active=local",
                "--spring.application.name=" + WidgetLinkController.OWNER,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + TestKafkaBroker.bootstrapServers(),
                "--spring.kafka.listener.auto-startup=false",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + tokens.issuer().issuerUri(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.issuer().jwkSetUri(),
                "--spring.cloud.config.enabled=false",
                "--spring.cloud.config.import-check.enabled=false",
                "--eureka.client.enabled=false",
                "--spring.cloud.discovery.enabled=false",
                "--logging.file.name=",
                "--logging.structured.format.file=");
    }

    private UUID createWidgetAtOwner(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + OWNER_PORT + "/api/v1/widgets"))
                .header("Authorization", bearer(tokens.adminToken()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"size\":3}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(json.readTree(response.body()).get("id").asString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
