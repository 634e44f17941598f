package ai.dify.delms.platform.test.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real token issuer for tests: it signs Keycloak-shaped access tokens (realm roles under
 * {@code realm_access.roles}, {@code preferred_username}, {@code azp}, {@code scope}, audience)
 * and serves its JWKS over HTTP on 127.0.0.1, so the code under test fetches keys exactly as it
 * does from Keycloak. Start one per test class; {@link #close()} stops the server.
 */
public final class TestTokenIssuer implements AutoCloseable {

    public static final String DEFAULT_AUDIENCE = "delms-api";

    private final HttpServer server;
    private final RSAKey signingKey;
    private final AtomicInteger jwksRequests = new AtomicInteger();

    private TestTokenIssuer(HttpServer server, RSAKey signingKey) {
        this.server = server;
        this.signingKey = signingKey;
    }

    /** Starts an issuer on a free loopback port. */
    public static TestTokenIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestTokenIssuer issuer = new TestTokenIssuer(server, key);
            server.createContext("/protocol/openid-connect/certs", exchange -> {
                issuer.jwksRequests.incrementAndGet();
                byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer ({@code iss}) every token carries, shaped like a Keycloak realm URL. */
    public String issuerUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Where the public keys are served, like Keycloak's {@code .../protocol/openid-connect/certs}. */
    public String jwkSetUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    /** How often the JWKS was fetched: proves the code under test fetched keys for real. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    /**
     * The signing key as PKCS#8 PEM: a test may hand it to a real issuer (Keycloak's imported
     * {@code rsa} key provider) and then sign tokens that issuer vouches for.
     */
    public String privateKeyPem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(signingKey.toPrivateKey().getEncoded());
            return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key's modulus, base64url as in a JWKS ({@code n}): finds this key in another issuer's key set. */
    public String modulus() {
        return signingKey.getModulus().toString();
    }

    /** A staff user's token with the given realm roles. */
    public String tokenFor(String username, String... realmRoles) {
        return token(t -> t.subject(username).username(username).roles(realmRoles));
    }

    /** A partner client's token (client credentials): role {@code partner}, scope {@code partner-api}, claim {@code reseller_id}. */
    public String partnerToken(String resellerCode) {
        return token(t -> t.subject("service-account-partner-" + resellerCode)
                .username("service-account-partner-" + resellerCode)
                .clientId("partner-" + resellerCode)
                .roles("partner")
                .scope("partner-api")
                .claim("reseller_id", resellerCode));
    }

    /** A token built freely, e.g. expired or with other claims; signed with this issuer's key. */
    public String token(Consumer<TokenSpec> customizer) {
        TokenSpec spec = new TokenSpec(issuerUri());
        customizer.accept(spec);
        return sign(spec.claims(), spec.keyId != null ? spec.keyId : signingKey.getKeyID());
    }

    private String sign(JWTClaimsSet claims, String keyId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(keyId).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The claims of one token; defaults give a valid five-minute token for {@value #DEFAULT_AUDIENCE}. */
    public static final class TokenSpec {
        private final JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(5);
        private String keyId;

        private TokenSpec(String issuer) {
            builder.issuer(issuer).audience(DEFAULT_AUDIENCE).jwtID(UUID.randomUUID().toString())
                    .claim("azp", "delms-cli").claim("typ", "Bearer");
        }

        public TokenSpec subject(String subject) { builder.subject(subject); return this; }
        public TokenSpec username(String username) { builder.claim("preferred_username", username); return this; }
        public TokenSpec clientId(String clientId) { builder.claim("azp", clientId).claim("client_id", clientId); return this; }
        public TokenSpec roles(String... roles) { builder.claim("realm_access", Map.of("roles", List.of(roles))); return this; }
        public TokenSpec scope(String scope) { builder.claim("scope", scope); return this; }
        public TokenSpec issuer(String issuer) { builder.issuer(issuer); return this; }
        public TokenSpec audience(String... audience) { builder.audience(List.of(audience)); return this; }
        public TokenSpec claim(String name, Object value) { builder.claim(name, value); return this; }
        public TokenSpec issuedAt(Instant at) { this.issuedAt = at; return this; }
        public TokenSpec lifetime(Duration lifetime) { this.lifetime = lifetime; return this; }
        public TokenSpec expired() { this.issuedAt = Instant.now().minus(Duration.ofHours(1)); return this; }
        public TokenSpec notBefore(Instant at) { builder.notBeforeTime(Date.from(at)); return this; }
        /** The {@code kid} header, when the key is known by another id elsewhere (e.g. as imported into Keycloak). */
        public TokenSpec keyId(String keyId) { this.keyId = keyId; return this; }

        private JWTClaimsSet claims() {
            return builder.issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(lifetime))).build();
        }
    }
}
