package ai.dify.delms.systemtests.support;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keycloak's admin REST API as an operator uses it, for tests that change the realm at run time
 * (signing keys) and for tokens of another realm. It signs in to the master realm as the bootstrap
 * admin whose password the launcher set ({@code DELMS_KEYCLOAK_ADMIN_PASSWORD}, demo default
 * {@code admin}).
 */
public final class KeycloakAdmin {

    private static final String REALM = "delms";

    private final String base;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private KeycloakAdmin(String base) {
        this.base = base;
    }

    /** The Keycloak of the running system (the server of {@link SystemUnderTest#keycloakRealm()}). */
    public static KeycloakAdmin local() {
        String realm = SystemUnderTest.keycloakRealm();
        return new KeycloakAdmin(realm.substring(0, realm.indexOf("/realms/")));
    }

    /** A real access token of the master realm's admin: validly signed by Keycloak, but by another issuer. */
    public String masterAdminToken() {
        String password = Optional.ofNullable(System.getenv("DELMS_KEYCLOAK_ADMIN_PASSWORD")).orElse("admin");
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        expect(response, 200);
        return Json.parse(response.body()).path("access_token").asString();
    }

    /**
     * Adds an RSA signing key to the realm from its PKCS#8 PEM ({@code rsa} key provider), active
     * and with the given priority: with the highest priority, Keycloak signs every new token with
     * it, which is how an operator rotates keys. Returns the key provider's id.
     */
    public String addSigningKey(String name, String privateKeyPem, int priority) {
        Map<String, Object> component = Map.of(
                "name", name,
                "providerId", "rsa",
                "providerType", "org.keycloak.keys.KeyProvider",
                "parentId", realmId(),
                "config", Map.of(
                        "privateKey", List.of(privateKeyPem),
                        "priority", List.of(String.valueOf(priority)),
                        "enabled", List.of("true"),
                        "active", List.of("true"),
                        "algorithm", List.of("RS256")));
        HttpResponse<String> response = send(adminRequest("/components")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(component))));
        expect(response, 201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Removes a key provider added by {@link #addSigningKey}: its key is no longer published nor used. */
    public void removeSigningKey(String componentId) {
        expect(send(adminRequest("/components/" + componentId).DELETE()), 204);
    }

    /** The {@code kid} under which the realm publishes the key of this modulus, if it does. */
    public Optional<String> publishedKeyId(String modulus) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/realms/" + REALM + "/protocol/openid-connect/certs")).GET());
        expect(response, 200);
        for (JsonNode key : Json.parse(response.body()).path("keys").values()) {
            if (modulus.equals(key.path("n").asString(""))) {
                return Optional.of(key.path("kid").asString());
            }
        }
        return Optional.empty();
    }

    private String realmId() {
        HttpResponse<String> response = send(adminRequest(""));
        expect(response, 200);
        return Json.parse(response.body()).path("id").asString();
    }

    private HttpRequest.Builder adminRequest(String path) {
        return HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + REALM + path))
                .header("Authorization", "Bearer " + masterAdminToken())
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not answer " + built.method() + " " + built.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak " + response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
