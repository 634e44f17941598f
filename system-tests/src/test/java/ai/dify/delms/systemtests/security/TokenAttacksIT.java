package ai.dify.delms.systemtests.security;

import ai.dify.delms.platform.test.tokens.TestTokenIssuer;
import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.Json;
import ai.dify.delms.systemtests.support.KeycloakAdmin;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.SystemUnderTest;
import ai.dify.delms.systemtests.support.TestData;
import ai.dify.delms.systemtests.support.Tokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static ai.dify.delms.systemtests.support.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every token an attacker may try, against the gateway and against each service reached
 * directly (as a caller that bypasses the gateway would), with real Keycloak tokens and forged ones.
 * <p>
 * To forge tokens that differ from a valid one in exactly one property, the test adds a signing key
 * it holds to the realm, the way an operator rotates keys: Keycloak then signs new tokens with it
 * and publishes it in its JWKS. That also proves the rotation: the gateway and the services accept
 * the new key without a restart. The key is removed again after the test.
 */
@SystemTest
@Order(950)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenAttacksIT {

    private static final Gateway gateway = Gateway.local();
    private static final KeycloakAdmin keycloak = KeycloakAdmin.local();

    /** Where each request is sent: the gateway, and every service directly, each on a staff read route. */
    private static final Map<String, String> STAFF_READ_ROUTES = Map.of(
            "license-service", "/api/v1/licenses",
            "customer-service", "/api/v1/customers",
            "sales-service", "/api/v1/sales-reps",
            "deployment-service", "/api/v1/engineers",
            "alert-service", "/api/v1/alerts");

    /** One client per service, reached on its own port: each holds a connection pool and a selector thread. */
    private static final Map<String, Gateway> DIRECT = STAFF_READ_ROUTES.keySet().stream()
            .collect(Collectors.toMap(service -> service, service -> new Gateway(SystemUnderTest.service(service))));

    private static TestTokenIssuer realmKey;
    private static TestTokenIssuer foreignKey;
    private static String realmKeyComponent;
    private static String realmKeyId;
    private static String tokenSignedBeforeRotation;

    @BeforeAll
    static void rotateTheRealmsSigningKeyToOneThisTestHolds() {
        tokenSignedBeforeRotation = Tokens.fromKeycloak().alice();
        realmKey = TestTokenIssuer.start();
        foreignKey = TestTokenIssuer.start();
        // above the priority of the realm's generated key (100): every new token is signed with it
        realmKeyComponent = keycloak.addSigningKey("system-test-key-" + TestData.uniqueSuffix(), realmKey.privateKeyPem(), 1000);
        realmKeyId = keycloak.publishedKeyId(realmKey.modulus())
                .orElseThrow(() -> new IllegalStateException("Keycloak does not publish the added key"));
    }

    @AfterAll
    static void removeTheTestKey() {
        if (realmKeyComponent != null) {
            keycloak.removeSigningKey(realmKeyComponent);
        }
        if (realmKey != null) {
            realmKey.close();
        }
        if (foreignKey != null) {
            foreignKey.close();
        }
    }

    static Stream<String> targets() {
        return Stream.concat(Stream.of("gateway"), STAFF_READ_ROUTES.keySet().stream().sorted());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    @Order(1)
    void tokensFromTheRotatedKeyAreAcceptedWithoutRestartAndOlderOnesStillAre(String target) {
        String rotated = new Tokens(SystemUnderTest.keycloakRealm()).alice();
        assertThat(keyIdOf(rotated)).as("Keycloak signs new tokens with the added key").isEqualTo(realmKeyId);

        // The first request with an unknown kid makes the verifier fetch the JWKS again; a
        // verifier that limits how often it refetches may need a moment.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(read(target, rotated).status()).isEqualTo(200));
        assertThat(read(target, tokenSignedBeforeRotation).status()).as("token signed with the previous key").isEqualTo(200);
    }

    /** One attack: a token (or none), and the only status it may get. */
    record Attack(String name, Supplier<String> token, int expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Attack> attacks() {
        Tokens realm = Tokens.fromKeycloak();
        List<Attack> attacks = new ArrayList<>();
        attacks.add(new Attack("control: valid admin token signed with the realm's key", () -> forged(t -> t), 200));
        attacks.add(new Attack("no token", () -> null, 401));
        attacks.add(new Attack("not a JWT", () -> "not-a-token", 401));
        attacks.add(new Attack("alg none, no signature", () -> unsigned(adminClaims()), 401));
        attacks.add(new Attack("signed with a foreign key, realm key's kid", () -> foreignKey.token(t -> admin(t)
                .issuer(SystemUnderTest.keycloakRealm()).keyId(realmKeyId)), 401));
        attacks.add(new Attack("signed with a foreign key, its own kid", () -> foreignKey.token(t -> admin(t)
                .issuer(SystemUnderTest.keycloakRealm())), 401));
        attacks.add(new Attack("HS256 keyed with the realm's public key (algorithm confusion)", TokenAttacksIT::hmacWithPublicKey, 401));
        attacks.add(new Attack("expired an hour ago", () -> forged(t -> t.expired()), 401));
        attacks.add(new Attack("not valid before an hour from now", () -> forged(t -> t.notBefore(Instant.now().plus(Duration.ofHours(1)))), 401));
        attacks.add(new Attack("wrong issuer", () -> forged(t -> t.issuer(SystemUnderTest.keycloakRealm().replaceFirst("/realms/[^/]+$", "/realms/other"))), 401));
        attacks.add(new Attack("wrong audience", () -> forged(t -> t.audience("account")), 401));
        attacks.add(new Attack("real token of another realm (master's admin)", keycloak::masterAdminToken, 401));
        attacks.add(new Attack("real partner token with realm role admin added, signature kept", () -> tampered(realm.paul()), 401));
        attacks.add(new Attack("real admin token with its signature removed", () -> withoutSignature(realm.alice()), 401));
        attacks.add(new Attack("valid token without roles", () -> forged(t -> t.roles()), 403));
        attacks.add(new Attack("valid token with an unknown role", () -> forged(t -> t.roles("superuser")), 403));
        attacks.add(new Attack("real partner client token on a staff route", realm::partnerAcme, 403));
        attacks.add(new Attack("real partner user token on a staff route", realm::paul, 403));
        return attacks;
    }

    static Stream<Arguments> attacksOnEveryTarget() {
        return attacks().stream().flatMap(attack -> targets().map(target -> Arguments.of(target, attack)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("attacksOnEveryTarget")
    @Order(2)
    void everyAttackGetsItsStatusAndNoData(String target, Attack attack) {
        GatewayResponse response = read(target, attack.token().get());

        if (attack.expected() == 200) {
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            return;
        }
        JsonNode problem = assertProblem(response, attack.expected());
        assertThat(problem.has("content")).as("no data in %s", response).isFalse();
        if (attack.expected() == 401) {
            assertThat(response.header("WWW-Authenticate")).as("challenge in %s", response).isPresent();
        }
    }

    @Test
    @Order(3)
    void staffTokenOnThePartnerApiIsForbidden() {
        Tokens realm = Tokens.fromKeycloak();
        assertProblem(gateway.get("/api/partner/v1/alerts", realm.alice()), 403);
        assertProblem(gateway.get("/api/partner/v1/alerts", forged(t -> t.roles("admin", "partner").scope("profile"))), 403);
        // role and scope but no reseller claim: the service cannot tell whose rows it may show
        Gateway alertService = DIRECT.get("alert-service");
        assertProblem(alertService.get("/api/partner/v1/alerts", forged(t -> t.roles("partner").scope("partner-api"))), 403);
        assertThat(alertService.get("/api/partner/v1/alerts", forged(t -> t.roles("partner").scope("partner-api")
                .claim("reseller_id", "acme"))).status()).as("the same token with the claim").isEqualTo(200);
    }

    private static GatewayResponse read(String target, String token) {
        if (target.equals("gateway")) {
            return gateway.get("/api/v1/licenses", token);
        }
        return DIRECT.get(target).get(STAFF_READ_ROUTES.get(target), token);
    }

    /** A token that is valid in every respect (issuer, audience, lifetime, realm key) unless the customizer changes one. */
    private static String forged(UnaryOperator<TestTokenIssuer.TokenSpec> change) {
        return realmKey.token(t -> change.apply(admin(t).issuer(SystemUnderTest.keycloakRealm()).keyId(realmKeyId)));
    }

    private static TestTokenIssuer.TokenSpec admin(TestTokenIssuer.TokenSpec spec) {
        return spec.subject("mallory").username("mallory").clientId("delms-cli").roles("admin");
    }

    private static Map<String, Object> adminClaims() {
        long now = Instant.now().getEpochSecond();
        return Map.of("iss", SystemUnderTest.keycloakRealm(), "aud", "delms-api", "sub", "mallory",
                "preferred_username", "mallory", "azp", "delms-cli", "realm_access", Map.of("roles", List.of("admin")),
                "iat", now, "exp", now + 300);
    }

    private static String unsigned(Map<String, Object> claims) {
        return base64(Json.write(Map.of("alg", "none", "typ", "JWT"))) + "." + base64(Json.write(claims)) + ".";
    }

    /** Signed with HMAC, the realm's public key as the secret: a verifier that trusts the header's alg would accept it. */
    private static String hmacWithPublicKey() {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(SystemUnderTest.keycloakRealm()).audience("delms-api").subject("mallory")
                    .claim("preferred_username", "mallory").claim("azp", "delms-cli")
                    .claim("realm_access", Map.of("roles", List.of("admin")))
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(realmKeyId).build(), claims);
            jwt.sign(new MACSigner(realmKey.modulus().getBytes(StandardCharsets.US_ASCII)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token's claims changed to add realm role admin; header and signature as Keycloak made them. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) Json.parse(decode(parts[1]));
        claims.putObject("realm_access").putArray("roles").add("admin").add("partner");
        return parts[0] + "." + base64(claims.toString()) + "." + parts[2];
    }

    private static String withoutSignature(String token) {
        return token.substring(0, token.lastIndexOf('.') + 1);
    }

    private static String keyIdOf(String token) {
        return Json.parse(decode(token.split("\\.")[0])).path("kid").asString();
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
