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
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Real access tokens from the Keycloak realm, fetched the way scripts and partners get them:
 * the password grant on the public {@code delms-cli} client for the demo users, client
 * credentials for a partner client. A password grant costs real CPU on Keycloak, so each token
 * is fetched once per instance (one instance per test class) and again only when it is about to
 * expire.
 */
public final class Tokens {

    private static final String CLI_CLIENT = "delms-cli";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final URI tokenEndpoint;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, IssuedToken> cache = new ConcurrentHashMap<>();

    public Tokens(String realmUrl) {
        this.tokenEndpoint = URI.create(realmUrl + "/protocol/openid-connect/token");
    }

    /** Tokens from the realm of the running system (see {@link SystemUnderTest}). */
    public static Tokens fromKeycloak() {
        return new Tokens(SystemUnderTest.keycloakRealm());
    }

    /** Realm role admin. */
    public String alice() {
        return user("alice");
    }

    /** Realm role sales. */
    public String bob() {
        return user("bob");
    }

    /** Realm role engineer. */
    public String erin() {
        return user("erin");
    }

    /** A partner's user (role partner, reseller acme). */
    public String paul() {
        return user("paul");
    }

    /** The partner client acme (client credentials; role partner, scope partner-api, reseller_id acme). */
    public String partnerAcme() {
        return client("partner-acme", "acme-secret");
    }

    /** The partner client globex (client credentials; role partner, scope partner-api, reseller_id globex). */
    public String partnerGlobex() {
        return client("partner-globex", "globex-secret");
    }

    /** A demo user of the realm, whose password is the user name. */
    public String user(String username) {
        return cached("user:" + username, () -> fetch(form(Map.of(
                "grant_type", "password",
                "client_id", CLI_CLIENT,
                "username", username,
                "password", username)), null));
    }

    /** A confidential client's own token (client credentials, HTTP Basic client authentication). */
    public String client(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return cached("client:" + clientId, () -> fetch(form(Map.of("grant_type", "client_credentials")), "Basic " + basic));
    }

    private String cached(String key, Supplier<IssuedToken> issue) {
        return cache.compute(key, (k, current) ->
                current != null && current.validFor(RENEW_BEFORE_EXPIRY) ? current : issue.get()).accessToken();
    }

    private IssuedToken fetch(String form, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        Instant requestedAt = Instant.now();
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak token endpoint " + tokenEndpoint + " did not answer (is the stack up? ./delms up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request to " + tokenEndpoint + " failed: " + response.statusCode() + " " + response.body());
        }
        JsonNode body = Json.parse(response.body());
        return new IssuedToken(body.path("access_token").asString(), requestedAt.plusSeconds(body.path("expires_in").asLong(60)));
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private record IssuedToken(String accessToken, Instant expiresAt) {
        boolean validFor(Duration margin) {
            return Instant.now().plus(margin).isBefore(expiresAt);
        }
    }
}
