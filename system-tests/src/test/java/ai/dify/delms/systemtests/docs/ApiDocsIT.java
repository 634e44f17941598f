package ai.dify.delms.systemtests.docs;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.Json;
import ai.dify.delms.systemtests.support.SystemTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The one Swagger UI of the gateway at /api/v1/docs and the OpenAPI documents it shows. */
@SystemTest
@Order(20)
class ApiDocsIT {

    private static final List<String> SERVICES =
            List.of("license-service", "customer-service", "sales-service", "deployment-service", "alert-service");

    private static final Pattern SCRIPT_SRC = Pattern.compile("<script[^>]+src=\"([^\"]*swagger-initializer\\.js[^\"]*)\"");
    private static final Pattern CONFIG_URL = Pattern.compile("\"?configUrl\"?\\s*:\\s*[\"']([^\"']+)[\"']");

    private final Gateway gateway = Gateway.local();

    @Test
    void swaggerUiLoadsWithoutLogin() {
        GatewayResponse page = gateway.getPage("/api/v1/docs");

        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).containsIgnoringCase("swagger");
    }

    @Test
    void swaggerUiListsTheFiveServicesAndEachListedDocumentLoads() {
        GatewayResponse page = gateway.getPage("/api/v1/docs");
        JsonNode urls = swaggerUiConfiguration(page).path("urls");

        assertThat(urls.isArray()).as("urls in the Swagger UI configuration").isTrue();
        for (String service : SERVICES) {
            JsonNode entry = urls.values().stream()
                    .filter(u -> u.path("url").asString("").endsWith("/" + service) || u.path("name").asString("").contains(service))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + " is not listed in the Swagger UI: " + urls));
            // fetched as the browser does: relative to the page
            String documentUrl = page.uri().resolve(entry.path("url").asString()).toString();
            assertOpenApiDocument(gateway.get(documentUrl));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "license-service, /api/v1/licenses",
            "customer-service, /api/v1/customers",
            "sales-service, /api/v1/sales-reps",
            "deployment-service, /api/v1/engineers",
            "alert-service, /api/v1/alerts"})
    void eachServicesOpenApiDocumentIsServedThroughTheGateway(String service, String readEndpoint) {
        JsonNode document = assertOpenApiDocument(gateway.get("/api/v1/docs/" + service));

        assertThat(document.path("paths").has(readEndpoint))
                .as("%s documents %s; paths: %s", service, readEndpoint, document.path("paths").propertyNames())
                .isTrue();
    }

    private static JsonNode assertOpenApiDocument(GatewayResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.path("openapi").asString("")).as("openapi version in %s", response).startsWith("3.");
        assertThat(document.path("paths").isObject()).as("paths in %s", response).isTrue();
        return document;
    }

    /**
     * What Swagger UI itself reads: springdoc writes a {@code configUrl} into swagger-initializer.js
     * (or a page may carry it inline), and that document lists the API documents under {@code urls}.
     */
    private JsonNode swaggerUiConfiguration(GatewayResponse page) {
        URI configBase = page.uri();
        Matcher configUrl = CONFIG_URL.matcher(page.body());
        if (!configUrl.find()) {
            Matcher script = SCRIPT_SRC.matcher(page.body());
            assertThat(script.find()).as("configUrl or swagger-initializer.js in %s", page).isTrue();
            configBase = page.uri().resolve(script.group(1));
            GatewayResponse initializer = gateway.get(configBase.toString());
            assertThat(initializer.status()).as("%s", initializer).isEqualTo(200);
            configUrl = CONFIG_URL.matcher(initializer.body());
            assertThat(configUrl.find()).as("configUrl in %s", initializer).isTrue();
        }
        GatewayResponse config = gateway.get(configBase.resolve(configUrl.group(1)).toString());
        assertThat(config.status()).as("%s", config).isEqualTo(200);
        return Json.parse(config.body());
    }
}
