package ai.dify.delms.systemtests.licensefiles;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.Json;
import ai.dify.delms.systemtests.support.Licenses;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.SystemUnderTest;
import ai.dify.delms.systemtests.support.TestData;
import ai.dify.delms.systemtests.support.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The offline loop with the real pieces (docs/license-files.md): DELMS issues a signed file for a
 * license, the verifier's command line (the jar a product embeds) accepts it against the public keys
 * document and refuses it with one byte changed; a site without a network registers its instance key,
 * records usage above the license's limits in its hash-chained log, exports a signed report, and
 * DELMS imports it like online usage: the license shows the usage and an overuse alert is raised.
 */
@SystemTest
@Order(55)
class LicenseFileRoundTripIT {

    private static final Duration EVENT_BOUND = Duration.ofSeconds(30);
    private static final Tokens tokens = Tokens.fromKeycloak();

    private final Gateway gateway = Gateway.local();

    @TempDir
    Path work;

    @Test
    void aFileIssuedByDelmsVerifiesOfflineAndAnAirGappedSitesUsageComesBack() throws Exception {
        String licenseId = newLicenseWithLimits(3, 10);

        // DELMS issues the file; the verifier accepts it with the published keys
        Path file = work.resolve(licenseId + ".lic");
        Files.write(file, licenseFile(licenseId));
        Path keys = work.resolve("keys.json");
        GatewayResponse published = gateway.get("/api/v1/license-keys/public", null);
        assertThat(published.status()).as("%s", published).isEqualTo(200);
        Files.writeString(keys, published.body());

        Verifier.Run valid = Verifier.run("verify", file.toString(), "--keys", keys.toString(), "--json");
        assertThat(valid.exitCode()).as("%s", valid).isZero();
        JsonNode verdict = Json.parse(valid.out());
        assertThat(verdict.path("result").asString()).isEqualTo("VALID");
        assertThat(verdict.path("license").path("licenseId").asString()).isEqualTo(licenseId);

        // one byte changed: refused, and not as a usable license
        byte[] bytes = Files.readAllBytes(file);
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf("\"authorizedUsers\"") + "\"authorizedUsers\": ".length();
        bytes[at] = (byte) (bytes[at] == '9' ? '8' : '9');
        Path tampered = work.resolve("tampered.lic");
        Files.write(tampered, bytes);
        Verifier.Run refused = Verifier.run("verify", tampered.toString(), "--keys", keys.toString(), "--json");
        assertThat(refused.exitCode()).as("%s", refused).isNotZero();
        assertThat(Json.parse(refused.out()).path("result").asString()).isIn("BAD_SIGNATURE", "MALFORMED");

        // an air-gapped site: its instance key, registered once by an engineer
        Path site = work.resolve("site");
        assertThat(Verifier.run("instance-key", "init", "--dir", site.toString()).exitCode()).isZero();
        String publicKey = Files.readString(site.resolve("instance.pub")).trim();
        GatewayResponse registered = gateway.post("/api/v1/licenses/" + licenseId + "/instances", tokens.erin(),
                Map.of("name", "Plant 7 (no network)", "publicKey", publicKey));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);

        // usage recorded on site, above the 10 authorized users, exported as a signed report
        assertThat(Verifier.run("usage", "record", "--dir", site.toString(), "--license", licenseId,
                "--workspaces", "2", "--users", "8").exitCode()).isZero();
        assertThat(Verifier.run("usage", "record", "--dir", site.toString(), "--license", licenseId,
                "--workspaces", "2", "--users", "25").exitCode()).isZero();
        Path report = work.resolve("report.usage");
        assertThat(Verifier.run("usage", "export", "--dir", site.toString(), "--out", report.toString()).exitCode()).isZero();

        GatewayResponse imported = gateway.send("POST", "/api/v1/licenses/" + licenseId + "/usage-reports/import",
                tokens.erin(), "text/plain", Files.readString(report));
        assertThat(imported.status()).as("%s", imported).isEqualTo(200);
        assertThat(imported.json().path("entriesAccepted").asInt()).isEqualTo(2);

        // recorded like online usage: the license shows it, the alert is raised
        await("license " + licenseId + " shows the imported usage").atMost(EVENT_BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode license = gateway.get("/api/v1/licenses/" + licenseId, tokens.bob()).json();
                    assertThat(license.path("usage").path("users").asInt()).isEqualTo(25);
                    assertThat(license.path("status").asString()).isEqualTo("IN_USE");
                });
        await("an OVERUSE_USERS alert for " + licenseId).atMost(EVENT_BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    GatewayResponse alerts = gateway.get("/api/v1/alerts?licenseId=" + licenseId + "&type=OVERUSE_USERS", tokens.bob());
                    assertThat(alerts.status()).as("%s", alerts).isEqualTo(200);
                    assertThat(alerts.json().path("content").size()).isPositive();
                });

        // the same report again adds nothing
        GatewayResponse replayed = gateway.send("POST", "/api/v1/licenses/" + licenseId + "/usage-reports/import",
                tokens.erin(), "text/plain", Files.readString(report));
        assertThat(replayed.status()).as("%s", replayed).isBetween(400, 499);
        assertThat(replayed.isProblem()).as("%s", replayed).isTrue();
    }

    private String newLicenseWithLimits(int workspaces, int users) {
        GatewayResponse customer = gateway.post("/api/v1/customers", tokens.bob(), TestData.newCustomer());
        assertThat(customer.status()).as("%s", customer).isEqualTo(201);
        String customerId = customer.json().path("id").asString();
        GatewayResponse created = Licenses.createOnceCustomerIsKnown(gateway, tokens, customerId, EVENT_BOUND);
        String licenseId = created.json().path("id").asString();
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("authorizedWorkspaces", workspaces);
        limits.put("authorizedUsers", users);
        GatewayResponse patched = gateway.send("PATCH", "/api/v1/licenses/" + licenseId, tokens.bob(),
                "application/merge-patch+json", Json.write(limits));
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        return licenseId;
    }

    /** The file as a product's installer downloads it: plain text, named after the license. */
    private byte[] licenseFile(String licenseId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/licenses/" + licenseId + "/file"))
                .timeout(Gateway.REQUEST_TIMEOUT)
                .header("Accept", "text/plain, application/problem+json")
                .header("Authorization", "Bearer " + tokens.alice())
                .GET().build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET file: %s", new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains(licenseId + ".lic"));
        return response.body();
    }

    /** The verifier's command line, as a site runs it: {@code java -jar license-verifier.jar ...}. */
    private static final class Verifier {

        record Run(int exitCode, String out) {
        }

        static Run run(String... args) throws IOException, InterruptedException {
            Path jar = SystemUnderTest.repositoryRoot().resolve("license-verifier/target/license-verifier.jar");
            assertThat(jar).as("the verifier's jar (built by ./mvnw package)").exists();
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Run(process.exitValue(), out);
        }

        private static String javaExecutable() {
            return ProcessHandle.current().info().command().orElse("java");
        }
    }
}
