package ai.dify.delms.systemtests.fuzz;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.Tokens;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records of the suite's own that a create may refer to (a customer, an engineer, a license of that
 * customer), so that a request gets past the reference checks to the code behind them: an extreme
 * date in a new license reaches the date arithmetic only when its customer exists. Path
 * parameters never name them: updates and deletes go to records that do not exist.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** Body field name to the id of an existing record. */
    static Map<String, String> create(Gateway gateway, Tokens tokens, String marker) {
        String admin = tokens.alice();
        Map<String, String> references = new LinkedHashMap<>();
        references.put("customerId", id(gateway.post("/api/v1/customers", admin, Map.of(
                "name", "Fuzz fixture " + marker, "region", "EMEA", "contactEmail", "fuzz.fixture." + marker + "@example.com"))));
        references.put("engineerId", id(gateway.post("/api/v1/engineers", admin, Map.of(
                "name", "Fuzz fixture " + marker, "region", "EMEA", "email", "fuzz.engineer." + marker + "@example.com"))));
        references.put("licenseId", id(gateway.post("/api/v1/licenses", admin, Map.of(
                "productType", "ENT", "licenseType", "SUBSCRIPTION", "customerId", references.get("customerId"),
                "orderDate", "2026-03-01", "startDate", "2026-03-01", "expiryDate", "2027-02-28",
                "authorizedWorkspaces", 5, "authorizedUsers", 50))));
        return references;
    }

    private static String id(GatewayResponse created) {
        if (created.status() != 201) {
            throw new IllegalStateException("could not create a fixture: " + created);
        }
        return created.json().path("id").asString();
    }
}
