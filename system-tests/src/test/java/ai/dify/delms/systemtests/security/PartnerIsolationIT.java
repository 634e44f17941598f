package ai.dify.delms.systemtests.security;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static ai.dify.delms.systemtests.support.ApiAssertions.assertPage;
import static ai.dify.delms.systemtests.support.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Broken object level authorization, tried for real: the partner clients {@code partner-acme} and
 * {@code partner-globex} (resellers acme and globex of the demo data) each ask for the other's
 * customers, licenses and alerts through every partner endpoint. Each gets 404 with a body that says
 * no more than the answer for an id that does not exist, and its lists hold exactly its own rows,
 * as the staff API shows them for its reseller.
 */
@SystemTest
@Order(15)
class PartnerIsolationIT {

    private static final Tokens tokens = Tokens.fromKeycloak();
    private static final Gateway gateway = Gateway.local();

    /** What a partner owns, as the staff API shows it. */
    record Holdings(String code, String token, String resellerId, Set<String> customers, Set<String> licenses, Set<String> alerts) {
        @Override
        public String toString() {
            return code;
        }
    }

    private static Holdings acme;
    private static Holdings globex;

    @BeforeAll
    static void collectWhatEachResellerOwns() {
        acme = holdings("acme", tokens.partnerAcme());
        globex = holdings("globex", tokens.partnerGlobex());
        // the demo data gives each reseller customers, licenses and alerts; without them this test proves nothing
        for (Holdings h : List.of(acme, globex)) {
            assertThat(h.customers()).as("%s's customers", h).isNotEmpty();
            assertThat(h.licenses()).as("%s's licenses", h).isNotEmpty();
            assertThat(h.alerts()).as("%s's alerts", h).isNotEmpty();
        }
    }

    static Stream<Arguments> partners() {
        return Stream.of(Arguments.of("acme", "globex"), Arguments.of("globex", "acme"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("partners")
    void listsHoldExactlyTheCallersOwnRows(String caller, String other) {
        Holdings me = byCode(caller);

        assertThat(ids("/api/partner/v1/customers", me.token())).as("%s's customer list", caller).isEqualTo(me.customers());
        assertThat(ids("/api/partner/v1/licenses", me.token())).as("%s's license list", caller).isEqualTo(me.licenses());
        assertThat(ids("/api/partner/v1/alerts", me.token())).as("%s's alert list", caller).isEqualTo(me.alerts());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("partners")
    void filtersNamingTheOthersRowsFindNothing(String caller, String other) {
        Holdings me = byCode(caller);
        Holdings them = byCode(other);
        String theirCustomer = them.customers().iterator().next();
        String theirLicense = them.licenses().iterator().next();

        assertThat(ids("/api/partner/v1/licenses?customerId=" + theirCustomer, me.token())).isEmpty();
        assertThat(ids("/api/partner/v1/alerts?licenseId=" + theirLicense, me.token())).isEmpty();
        // a filter the partner API does not offer must not widen the list either
        assertThat(ids("/api/partner/v1/licenses?resellerId=" + them.resellerId(), me.token())).isSubsetOf(me.licenses());
        assertThat(ids("/api/partner/v1/customers?resellerId=" + them.resellerId(), me.token())).isSubsetOf(me.customers());
    }

    static Stream<Arguments> everyOtherPartnersObject() {
        return partners().flatMap(pair -> {
            Holdings me = byCode((String) pair.get()[0]);
            Holdings them = byCode((String) pair.get()[1]);
            List<Arguments> tries = new ArrayList<>();
            them.customers().forEach(id -> tries.add(Arguments.of(me, "/api/partner/v1/customers/{id}", id)));
            them.licenses().forEach(id -> {
                tries.add(Arguments.of(me, "/api/partner/v1/licenses/{id}", id));
                tries.add(Arguments.of(me, "/api/partner/v1/licenses/{id}/usage", id));
                tries.add(Arguments.of(me, "/api/partner/v1/licenses/{id}/timeline", id));
                tries.add(Arguments.of(me, "/api/partner/v1/licenses/{id}/files", id));
                tries.add(Arguments.of(me, "/api/partner/v1/licenses/{id}/instances", id));
            });
            them.alerts().forEach(id -> tries.add(Arguments.of(me, "/api/partner/v1/alerts/{id}", id)));
            return tries.stream();
        });
    }

    @ParameterizedTest(name = "{0} GET {1} with {2}")
    @MethodSource("everyOtherPartnersObject")
    void theOthersObjectIs404AndTheBodySaysNoMoreThanForAnUnknownId(Holdings caller, String path, String theirId) {
        String unknownId = path.contains("licenses") ? "ENT-209901-999999" : UUID.randomUUID().toString();

        GatewayResponse theirs = partnerGet(path.replace("{id}", theirId), caller.token());
        GatewayResponse unknown = partnerGet(path.replace("{id}", unknownId), caller.token());

        assertProblem(theirs, 404);
        assertProblem(unknown, 404);
        assertThat(withoutId(theirs, theirId)).as("body for another reseller's id vs an unknown id")
                .isEqualTo(withoutId(unknown, unknownId));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("partners")
    void usageReportOnTheOthersLicenseIs404AndChangesNothing(String caller, String other) {
        Holdings me = byCode(caller);
        String theirLicense = byCode(other).licenses().iterator().next();
        JsonNode before = staffGet("/api/v1/licenses/" + theirLicense);

        GatewayResponse refused = Gateway.respectingRateLimit(() -> gateway.post("/api/partner/v1/licenses/" + theirLicense + "/usage",
                me.token(), Map.of("workspaces", 999, "users", 9999)));

        assertProblem(refused, 404);
        JsonNode after = staffGet("/api/v1/licenses/" + theirLicense);
        assertThat(after.path("usage")).isEqualTo(before.path("usage"));
        assertThat(after.path("version")).isEqualTo(before.path("version"));
    }

    @Test
    void aPartnerReportsUsageForItsOwnLicenseAndTheVendorSeesIt() {
        String license = acme.licenses().stream()
                .filter(id -> Set.of("DEPLOYED", "IN_USE", "RENEWED").contains(staffGet("/api/v1/licenses/" + id).path("status").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("acme has no license in use"));
        JsonNode limits = staffGet("/api/v1/licenses/" + license);
        int users = Math.max(1, limits.path("authorizedUsers").asInt() - 1);

        GatewayResponse reported = Gateway.respectingRateLimit(() -> gateway.post("/api/partner/v1/licenses/" + license + "/usage",
                acme.token(), Map.of("workspaces", 1, "users", users)));

        assertThat(reported.status()).as("%s", reported).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(staffGet("/api/v1/licenses/" + license).path("usage").path("users").asInt()).isEqualTo(users));
        assertThat(partnerGet("/api/partner/v1/licenses/" + license, acme.token()).json().path("usage").path("users").asInt())
                .isEqualTo(users);
    }

    private static Holdings holdings(String code, String token) {
        String resellerId = staffList("/api/v1/resellers?q=" + code).stream()
                .filter(r -> code.equals(r.path("code").asString())).map(r -> r.path("id").asString())
                .findFirst().orElseThrow(() -> new AssertionError("no reseller " + code + " (demo data missing? ./delms seed)"));
        Set<String> customers = idsOf(staffList("/api/v1/customers?resellerId=" + resellerId));
        Set<String> licenses = idsOf(staffList("/api/v1/licenses?resellerId=" + resellerId));
        Set<String> alerts = new TreeSet<>();
        staffList("/api/v1/alerts").stream().filter(a -> licenses.contains(a.path("licenseId").asString()))
                .forEach(a -> alerts.add(a.path("id").asString()));
        return new Holdings(code, token, resellerId, customers, licenses, alerts);
    }

    private static Holdings byCode(String code) {
        return code.equals("acme") ? acme : globex;
    }

    /** The ids on every page of a partner list. */
    private static Set<String> ids(String path, String token) {
        return idsOf(list(path, token));
    }

    private static List<JsonNode> staffList(String path) {
        return list(path, tokens.alice());
    }

    private static List<JsonNode> list(String path, String token) {
        List<JsonNode> rows = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            JsonNode body = assertPage(partnerGet(path + separator + "size=200&page=" + page, token));
            body.path("content").values().forEach(rows::add);
            if (page + 1 >= body.path("page").path("totalPages").asInt()) {
                return rows;
            }
        }
    }

    /** Partners are held to their rate limit: this test makes more requests than it allows at once. */
    private static GatewayResponse partnerGet(String path, String token) {
        return Gateway.respectingRateLimit(() -> gateway.get(path, token));
    }

    private static Set<String> idsOf(List<JsonNode> rows) {
        Set<String> ids = new TreeSet<>();
        rows.forEach(row -> ids.add(row.path("id").asString()));
        return ids;
    }

    private static JsonNode staffGet(String path) {
        GatewayResponse response = gateway.get(path, tokens.alice());
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    /** The problem body with the id it was asked for (in {@code instance} or {@code detail}) blanked out. */
    private static JsonNode withoutId(GatewayResponse response, String id) {
        ObjectNode body = (ObjectNode) response.json();
        body.remove("instance");
        List<String> texts = body.properties().stream().filter(field -> field.getValue().isString()).map(Map.Entry::getKey).toList();
        texts.forEach(name -> body.put(name, body.path(name).asString().replace(id, "{id}")));
        return body;
    }
}
