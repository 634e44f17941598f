package ai.dify.delms.gateway;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one Swagger UI over the five services' documents, and CORS for the SPA. */
class GatewayDocsAndCorsIT extends LiveServicesTestSupport {

    private static final String SPA_DEV_SERVER = "http://localhost:5173";

    @Test
    void swaggerUiLoadsWithoutAToken() {
        HttpResponse<String> ui = send(request("/api/v1/docs", null).GET(), HttpClient.Redirect.NORMAL);

        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(contentType(ui)).startsWith("text/html");
        assertThat(ui.body()).contains("swagger-ui");
    }

    @Test
    void swaggerUiListsTheFiveServicesDocumentsServedThroughTheGateway() {
        HttpResponse<String> config = get("/v3/api-docs/swagger-config", null);

        assertThat(config.statusCode()).isEqualTo(200);
        List<String> urls = new ArrayList<>();
        for (JsonNode url : json(config).get("urls")) {
            urls.add(url.get("name").asString() + " " + url.get("url").asString());
        }
        assertThat(urls).containsExactlyInAnyOrder(
                "license-service /api/v1/docs/license-service",
                "customer-service /api/v1/docs/customer-service",
                "sales-service /api/v1/docs/sales-service",
                "deployment-service /api/v1/docs/deployment-service",
                "alert-service /api/v1/docs/alert-service");
    }

    @Test
    void eachServicesDocumentIsFetchedFromItsApiDocsWithoutAToken() {
        for (StandInService service : new StandInService[] {licenses, customers, sales, deployments, alerts}) {
            HttpResponse<String> document = get("/api/v1/docs/" + service.name(), null);

            assertThat(document.statusCode()).as(service.name()).isEqualTo(200);
            assertThat(json(document).get("info").get("title").asString()).isEqualTo(service.name());
            assertThat(service.lastReceived().path()).isEqualTo("/v3/api-docs");
        }
    }

    @Test
    void preflightFromTheSpaDevServerIsAllowedWithoutAToken() {
        HttpResponse<String> preflight = send(request("/api/v1/customers", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", SPA_DEV_SERVER)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key"));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SPA_DEV_SERVER);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("authorization", "content-type", "idempotency-key");
    }

    @Test
    void preflightFromAnUnknownOriginIsRejected() {
        HttpResponse<String> preflight = send(request("/api/v1/customers", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET"));

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void corsResponseCarriesTheOriginOnceAndExposesLocation() {
        HttpResponse<String> response = send(request("/api/v1/licenses", issuer.tokenFor("alice", "admin"))
                .header("Origin", SPA_DEV_SERVER).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(SPA_DEV_SERVER);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("Location");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, HttpClient.Redirect redirect) {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(redirect).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
