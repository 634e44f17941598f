package ai.dify.delms.systemtests.resilience;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.Launcher;
import ai.dify.delms.systemtests.support.Outage;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.TestData;
import ai.dify.delms.systemtests.support.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static ai.dify.delms.systemtests.support.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * sales-service is stopped: customer-service still accepts a customer for a rep it knows (its sales
 * directory), and answers a rep it does not know with 503 — it cannot tell whether the rep exists —
 * never with a 422 that would say the rep does not exist (docs/decisions.md, 17). Destructive: runs
 * after the other system tests and starts sales-service again even when it fails.
 */
@SystemTest
@Order(110)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ReferenceOwnerOutageIT {

    private static final Tokens tokens = Tokens.fromKeycloak();
    private final Gateway gateway = Gateway.local();
    private final Launcher launcher = Launcher.local();

    @Test
    void aRepUnknownToCustomerServiceIsUncheckableNotUnknownWhileSalesServiceIsStopped() {
        String suffix = TestData.uniqueSuffix();
        GatewayResponse rep = gateway.post("/api/v1/sales-reps", tokens.alice(), Map.of("name", "Outage Rep " + suffix,
                "email", "outage-rep-" + suffix + "@example.com", "region", "EMEA", "active", true));
        assertThat(rep.status()).as("%s", rep).isEqualTo(201);
        String knownRep = rep.json().path("id").asString();
        // customer-service knows the rep from here on (looked up now, or from its event)
        GatewayResponse first = createCustomerFor(knownRep);
        assertThat(first.status()).as("%s", first).isEqualTo(201);

        try (Outage outage = Outage.stop(launcher, "sales-service")) {
            String unknownRep = UUID.randomUUID().toString();
            GatewayResponse uncheckable = createCustomerFor(unknownRep);

            JsonNode problem = assertProblem(uncheckable, 503);
            assertThat(problem.path("type").asString("")).as("%s", uncheckable).isEqualTo("urn:delms:problem:unavailable");
            assertThat(problem.path("detail").asString("")).as("%s", uncheckable)
                    .contains(unknownRep).contains("could not be checked").contains("sales-service");
            assertThat(uncheckable.header("Retry-After")).as("Retry-After of %s", uncheckable).isPresent();

            GatewayResponse known = createCustomerFor(knownRep);
            assertThat(known.status()).as("a rep customer-service knows, while sales-service is stopped: %s", known)
                    .isEqualTo(201);
        }
    }

    private GatewayResponse createCustomerFor(String salesRepId) {
        Map<String, Object> customer = TestData.newCustomer();
        customer.put("salesRepId", salesRepId);
        return gateway.post("/api/v1/customers", tokens.bob(), customer);
    }
}
