package ai.dify.delms.systemtests.security;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.Json;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.TestData;
import ai.dify.delms.systemtests.support.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static ai.dify.delms.systemtests.support.ApiAssertions.assertPage;
import static ai.dify.delms.systemtests.support.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write records who made it: the token's subject, user name and client, in the owning
 * service's audit log, which admins read through the gateway at {@code /api/v1/audit/<service>}.
 */
@SystemTest
@Order(16)
class AuditTrailIT {

    private final Tokens tokens = Tokens.fromKeycloak();
    private final Gateway gateway = Gateway.local();

    @Test
    void aSalesUsersCreateAndChangeOfACustomerAreAuditedWithSubjectUsernameAndClient() {
        String bob = tokens.bob();
        GatewayResponse created = gateway.post("/api/v1/customers", bob, TestData.newCustomer());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("id").asString();
        GatewayResponse changed = gateway.send("PATCH", "/api/v1/customers/" + id, bob, "application/merge-patch+json",
                Json.write(Map.of("region", "APAC", "country", "SG")));
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);

        List<JsonNode> entries = audit("customer-service", "Customer", id);

        assertThat(entries).extracting(e -> e.path("action").asString()).containsExactly("UPDATE", "CREATE");
        for (JsonNode entry : entries) {
            assertThat(entry.path("actorSubject").asString()).isEqualTo(subjectOf(bob));
            assertThat(entry.path("actorUsername").asString()).isEqualTo("bob");
            assertThat(entry.path("actorClientId").asString()).isEqualTo("delms-cli");
            assertThat(entry.path("requestPath").asString()).startsWith("/api/v1/customers");
        }
        JsonNode update = entries.get(0);
        assertThat(update.path("requestMethod").asString()).isEqualTo("PATCH");
        assertThat(update.path("changes").path("region").path("newValue").asString()).isEqualTo("APAC");
        assertThat(update.path("changes").path("country").path("newValue").asString()).isEqualTo("SG");
    }

    @Test
    void aPartnerClientsUsageReportIsAuditedWithItsClientId() {
        String acme = tokens.partnerAcme();
        JsonNode license = Gateway.respectingRateLimit(() -> gateway.get("/api/partner/v1/licenses?size=200", acme)).json()
                .path("content").values().stream()
                .filter(l -> List.of("DEPLOYED", "IN_USE", "RENEWED").contains(l.path("status").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("acme has no license in use (demo data?)"));
        String licenseId = license.path("id").asString();

        GatewayResponse reported = Gateway.respectingRateLimit(() -> gateway.post("/api/partner/v1/licenses/" + licenseId + "/usage",
                acme, Map.of("workspaces", 1, "users", 1)));
        assertThat(reported.status()).as("%s", reported).isEqualTo(201);

        List<JsonNode> entries = audit("license-service", "License", licenseId);
        assertThat(entries).as("audit of %s", licenseId).isNotEmpty();
        JsonNode latest = entries.get(0);
        assertThat(latest.path("actorClientId").asString()).isEqualTo("partner-acme");
        assertThat(latest.path("actorSubject").asString()).isEqualTo(subjectOf(acme));
        assertThat(latest.path("requestPath").asString()).isEqualTo("/api/partner/v1/licenses/" + licenseId + "/usage");
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        assertPage(gateway.get("/api/v1/audit/sales-service", tokens.alice()));
        assertProblem(gateway.get("/api/v1/audit/sales-service", tokens.bob()), 403);
        assertProblem(gateway.get("/api/v1/audit/sales-service", tokens.erin()), 403);
        assertProblem(gateway.get("/api/v1/audit/sales-service", tokens.partnerAcme()), 403);
        assertProblem(gateway.get("/api/v1/audit/sales-service", null), 401);
    }

    /** The audit entries of one entity, newest first, as an admin reads them. */
    private List<JsonNode> audit(String service, String entityType, String entityId) {
        JsonNode page = assertPage(gateway.get("/api/v1/audit/" + service + "?entityType=" + entityType + "&entityId=" + entityId,
                tokens.alice()));
        return page.path("content").values().stream().toList();
    }

    private static String subjectOf(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.parse(claims).path("sub").asString();
    }
}
