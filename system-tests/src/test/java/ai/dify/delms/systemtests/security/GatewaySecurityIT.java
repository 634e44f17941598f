package ai.dify.delms.systemtests.security;

import ai.dify.delms.platform.test.tokens.TestTokenIssuer;
import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.SystemUnderTest;
import ai.dify.delms.systemtests.support.TestData;
import ai.dify.delms.systemtests.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static ai.dify.delms.systemtests.support.ApiAssertions.assertPage;
import static ai.dify.delms.systemtests.support.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may read and write through the gateway, with real Keycloak tokens and tokens an attacker made. */
@SystemTest
@Order(10)
class GatewaySecurityIT {

    private static final Tokens tokens = Tokens.fromKeycloak();
    private static final Gateway gateway = Gateway.local();
    private static TestTokenIssuer attacker;

    @BeforeAll
    static void startAttackersIssuer() {
        attacker = TestTokenIssuer.start();
    }

    @AfterAll
    static void stopAttackersIssuer() {
        attacker.close();
    }

    static Stream<String> readEndpoints() {
        return Stream.of("/api/v1/licenses", "/api/v1/customers", "/api/v1/sales-reps", "/api/v1/engineers", "/api/v1/alerts");
    }

    static Stream<Arguments> staffUsersOnReadEndpoints() {
        return readEndpoints().flatMap(path -> Stream.of("alice", "bob", "erin").map(user -> Arguments.of(user, path)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readEndpoints")
    void requestWithoutTokenIsUnauthorized(String path) {
        assertProblem(gateway.get(path), 401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readEndpoints")
    void adminTokenSignedWithForeignKeyIsUnauthorized(String path) {
        // everything right (issuer, audience, roles, lifetime) except the key that signed it
        String forged = attacker.token(t -> t.issuer(SystemUnderTest.keycloakRealm())
                .subject("alice").username("alice").clientId("delms-cli").roles("admin"));

        assertThat(gateway.get(path, forged).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readEndpoints")
    void unsignedTokenIsUnauthorized(String path) {
        assertThat(gateway.get(path, unsignedAdminToken()).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readEndpoints")
    void partnerTokensAreForbiddenOnStaffRoutes(String path) {
        GatewayResponse partnerClient = gateway.get(path, tokens.partnerAcme());
        GatewayResponse partnerUser = gateway.get(path, tokens.paul());

        assertThat(partnerClient.status()).as("%s", partnerClient).isEqualTo(403);
        assertThat(partnerUser.status()).as("%s", partnerUser).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0} GET {1}")
    @MethodSource("staffUsersOnReadEndpoints")
    void staffUsersReadPagedLists(String user, String path) {
        assertPage(gateway.get(path, tokens.user(user)));
    }

    @Test
    void engineerCannotCreateCustomerAndNothingIsCreated() {
        Map<String, Object> customer = TestData.newCustomer();
        String name = (String) customer.get("name");

        GatewayResponse refused = gateway.post("/api/v1/customers", tokens.erin(), customer);

        assertThat(refused.status()).as("%s", refused).isEqualTo(403);
        assertThat(customersNamed(name)).as("customers named %s", name).isEmpty();
    }

    @Test
    void salesUserCreatesCustomerAndTheListShowsIt() {
        // also proves that the emptiness check above would see a created customer
        Map<String, Object> customer = TestData.newCustomer();
        String name = (String) customer.get("name");

        GatewayResponse created = gateway.post("/api/v1/customers", tokens.bob(), customer);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(customersNamed(name)).hasSize(1);
    }

    /** Every customer with exactly this name, across all pages (the search filter narrows it when there is one). */
    private static List<JsonNode> customersNamed(String name) {
        List<JsonNode> found = new ArrayList<>();
        String query = URLEncoder.encode(name, StandardCharsets.UTF_8);
        for (int page = 0; ; page++) {
            JsonNode body = assertPage(gateway.get("/api/v1/customers?q=" + query + "&size=200&page=" + page, tokens.alice()));
            body.path("content").values().stream()
                    .filter(c -> name.equalsIgnoreCase(c.path("name").asString("")))
                    .forEach(found::add);
            if (page + 1 >= body.path("page").path("totalPages").asInt()) {
                return found;
            }
        }
    }

    /** A well-formed admin token with {@code alg: none}: the classic bypass of a lax verifier. */
    private static String unsignedAdminToken() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + SystemUnderTest.keycloakRealm() + "\",\"aud\":\"delms-api\",\"sub\":\"alice\","
                + "\"preferred_username\":\"alice\",\"azp\":\"delms-cli\",\"realm_access\":{\"roles\":[\"admin\"]},"
                + "\"iat\":" + now + ",\"exp\":" + (now + 300) + "}";
        return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
