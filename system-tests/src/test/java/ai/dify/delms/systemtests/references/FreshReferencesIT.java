package ai.dify.delms.systemtests.references;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.TestData;
import ai.dify.delms.systemtests.support.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ai.dify.delms.systemtests.support.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a script does: create something in one service and name it at once in another, without
 * waiting for the event that tells the other service about it. Every such reference is accepted on
 * the first try, because a service looks up at the owner a reference its read model does not know yet
 * (docs/decisions.md, 17); one that exists nowhere is still a 422.
 */
@SystemTest
@Order(45)
class FreshReferencesIT {

    private static final int ROUNDS = 20;

    private static final Tokens tokens = Tokens.fromKeycloak();
    private final Gateway gateway = Gateway.local();

    @Test
    void everythingJustCreatedElsewhereIsAcceptedOnTheFirstTry() {
        String engineerId = created("engineer", gateway.post("/api/v1/engineers", tokens.alice(), Map.of(
                "name", "Fresh Refs " + TestData.uniqueSuffix(), "email", "fresh-" + TestData.uniqueSuffix() + "@example.com",
                "region", "EMEA", "skills", List.of("kubernetes"))));

        for (int round = 1; round <= ROUNDS; round++) {
            String suffix = TestData.uniqueSuffix();
            String repId = created("round " + round + ": sales rep", gateway.post("/api/v1/sales-reps", tokens.alice(),
                    Map.of("name", "Fresh Rep " + suffix, "email", "fresh-rep-" + suffix + "@example.com",
                            "region", "EMEA", "active", true)));

            Map<String, Object> customer = TestData.newCustomer();
            customer.put("salesRepId", repId);
            String customerId = created("round " + round + ": customer for the rep created a moment ago",
                    gateway.post("/api/v1/customers", tokens.bob(), customer));

            Map<String, Object> license = TestData.newLicense(customerId);
            license.put("salesRepId", repId);
            String licenseId = created("round " + round + ": license for the customer created a moment ago",
                    gateway.post("/api/v1/licenses", tokens.bob(), license));

            created("round " + round + ": purchase of the license created a moment ago",
                    gateway.post("/api/v1/purchases", tokens.bob(), Map.of("licenseId", licenseId, "type", "NEW",
                            "purchaseDate", LocalDate.now().toString(), "amount", "5000.00", "currency", "EUR")));

            created("round " + round + ": deployment of the license created a moment ago",
                    gateway.post("/api/v1/deployments", tokens.erin(), Map.of("licenseId", licenseId,
                            "engineerId", engineerId, "scheduledDate", LocalDate.now().toString(),
                            "environment", "PRIVATE_CLOUD", "productVersion", "1.8.0")));
        }
    }

    @Test
    void aRepThatExistsNowhereIsStillUnprocessable() {
        Map<String, Object> customer = new LinkedHashMap<>(TestData.newCustomer());
        customer.put("salesRepId", UUID.randomUUID().toString());

        GatewayResponse response = gateway.post("/api/v1/customers", tokens.bob(), customer);

        JsonNode problem = assertProblem(response, 422);
        assertThat(problem.path("errors").path(0).path("field").asString("")).as("%s", response).isEqualTo("salesRepId");
    }

    /** The id of a 201; any other answer (a 422 "not known" above all) fails the test, naming the step. */
    private static String created(String step, GatewayResponse response) {
        assertThat(response.status()).as("%s: %s", step, response).isEqualTo(201);
        String id = response.json().path("id").asString("");
        assertThat(id).as("%s: id in %s", step, response).isNotBlank();
        return id;
    }
}
