package ai.dify.delms.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static ai.dify.delms.gateway.GatewaySecurityIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The browser app served at / from a built directory (delms.web.dir), beside the API. */
class GatewayWebAppIT extends LiveServicesTestSupport {

    private static final String INDEX = "<!doctype html><html><head><title>DELMS test app</title>"
            + "<script type=\"module\" src=\"/assets/app-abc123.js\"></script></head><body><div id=\"root\"></div></body></html>";
    private static final String SCRIPT = "console.log('delms');";

    static final Path dist = builtApp();

    @DynamicPropertySource
    static void webApp(DynamicPropertyRegistry registry) {
        registry.add("delms.web.dir", dist::toString);
    }

    private static Path builtApp() {
        try {
            Path dir = Files.createTempDirectory("delms-web-dist");
            Files.createDirectories(dir.resolve("assets"));
            Files.writeString(dir.resolve("index.html"), INDEX);
            Files.writeString(dir.resolve("assets/app-abc123.js"), SCRIPT);
            Files.writeString(dir.resolve("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
            // beside the app, not in it: never reachable
            Files.writeString(dir.getParent().resolve(dir.getFileName() + "-secret.txt"), "secret");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/licenses", "/licenses/ENT-202612-000001", "/operations",
            "/customers/3f1c2e0a-0000-4000-8000-000000000000", "/licenses/"})
    void theAppsPageAnswersEveryDeepLinkRevalidatedOnEachUse(String path) {
        HttpResponse<String> page = get(path, null);

        assertThat(page.statusCode()).as(path).isEqualTo(200);
        assertThat(contentType(page)).startsWith("text/html");
        assertThat(page.body()).isEqualTo(INDEX);
        assertThat(page.headers().allValues("Cache-Control")).containsExactly("no-cache");
        assertThat(page.headers().firstValue("Pragma")).isEmpty();
        assertThat(page.headers().firstValue("Last-Modified")).isPresent();
    }

    @Test
    void thePageKeepsTheBrowserSecurityHeadersWithAStrictScriptPolicy() {
        var headers = get("/licenses", null).headers();

        String policy = headers.firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("default-src 'self'", "script-src 'self';", "frame-ancestors 'none'",
                "connect-src 'self' http://localhost:8180");
        assertThat(policy).doesNotContain("'unsafe-eval'").doesNotContainPattern("script-src[^;]*unsafe-inline");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("Permissions-Policy").orElse("")).contains("camera=()");
    }

    @Test
    void aHeadOfADeepLinkHasTheHeadersWithoutTheBody() {
        HttpResponse<String> head = send(request("/licenses/ENT-202612-000001", null)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(contentType(head)).startsWith("text/html");
        assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aCurrentCopyOfThePageIsNotSentAgain() {
        String lastModified = get("/", null).headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<String> again = send(request("/", null).header("If-Modified-Since", lastModified).GET());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void assetsAreCachedForAYear() {
        HttpResponse<String> asset = get("/assets/app-abc123.js", null);

        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.body()).isEqualTo(SCRIPT);
        assertThat(contentType(asset)).containsAnyOf("text/javascript", "application/javascript");
        assertThat(asset.headers().allValues("Cache-Control")).containsExactly("public, max-age=31536000, immutable");
        assertThat(asset.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/app-missing.js", "/assets/app-abc123", "/assets/", "/assets/.hidden.js"})
    void aMissingAssetIs404NeverThePageNorCached(String path) {
        HttpResponse<String> missing = get(path, null);

        assertProblem(missing, 404);
        assertThat(missing.body()).doesNotContain("DELMS test app");
        assertThat(missing.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void filesAtTheTopOfTheAppAreRevalidatedAndOthersAre404() {
        HttpResponse<String> favicon = get("/favicon.svg", null);
        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(contentType(favicon)).startsWith("image/svg+xml");
        assertThat(favicon.headers().allValues("Cache-Control")).containsExactly("no-cache");

        assertThat(get("/index.html", null).headers().allValues("Cache-Control")).containsExactly("no-cache");
        assertProblem(get("/robots.txt", null), 404);
    }

    @Test
    void noPathReachesAFileOutsideTheApp() {
        // security's firewall refuses encoded slashes and dots (400); whatever passes it finds no file (404)
        String secret = dist.getFileName() + "-secret.txt";
        for (String path : new String[] {"/..%2F" + secret, "/%2e%2e%2F" + secret, "/assets/..%2F..%2F" + secret,
                "/assets/%2e%2e/%2e%2e/" + secret, "/assets/..%2Findex.html", "/assets/%2e%2e/index.html",
                "/assets/%5C..%5C..%5C" + secret}) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("secret").doesNotContain("DELMS test app");
        }
    }

    @Test
    void appConfigTellsTheAppWhereAndAsWhomToSignIn() {
        HttpResponse<String> config = get("/app-config.json", null);

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(contentType(config)).startsWith("application/json");
        assertThat(config.headers().allValues("Cache-Control")).containsExactly("no-cache");
        JsonNode settings = json(config);
        assertThat(settings.get("authority").asString()).isEqualTo(issuer.issuerUri());
        assertThat(settings.get("clientId").asString()).isEqualTo("delms-web");
        assertThat(settings.get("partnerScope").asString()).isEqualTo("partner-api");
        assertThat(settings.properties()).hasSize(3);
    }

    @Test
    void theApiAndTheGatewaysOwnPathsNeverAnswerWithThePage() {
        String admin = issuer.tokenFor("alice", "admin");

        assertProblem(get("/api/v1/unknown", null), 401);
        assertProblem(get("/api/v1/unknown", admin), 404);
        assertProblem(get("/api", admin), 404);
        assertProblem(get("/v3/unknown", admin), 404);
        assertProblem(get("/actuator/health", null), 404);
        assertProblem(get("/fallback/license-service", null), 401);
        assertThat(get("/api/v1/licenses", null).headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        HttpResponse<String> routed = get("/api/v1/licenses?size=1", admin);
        assertThat(routed.statusCode()).isEqualTo(200);
        assertThat(json(routed).get("service").asString()).isEqualTo("license-service");
    }

    @Test
    void onlyReadsGetThePage() {
        HttpResponse<String> post = send("POST", "/licenses", null);

        assertThat(post.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(post.body()).doesNotContain("DELMS test app");
    }

    @Test
    void withoutABuiltPageTheAppIs404ProblemAndTheRestWorks() throws IOException {
        Path index = dist.resolve("index.html");
        Path aside = dist.resolve("index.html.aside");
        Files.move(index, aside, StandardCopyOption.ATOMIC_MOVE);
        try {
            HttpResponse<String> root = get("/", null);
            assertProblem(root, 404);
            assertThat(json(root).get("detail").asString()).contains("web app is not installed");
            assertProblem(get("/licenses/ENT-202612-000001", null), 404);

            assertThat(get("/assets/app-abc123.js", null).statusCode()).isEqualTo(200);
            assertThat(get("/app-config.json", null).statusCode()).isEqualTo(200);
            assertThat(get("/api/v1/licenses", issuer.tokenFor("alice", "admin")).statusCode()).isEqualTo(200);
        } finally {
            Files.move(aside, index, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
