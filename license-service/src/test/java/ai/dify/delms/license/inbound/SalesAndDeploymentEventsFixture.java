package ai.dify.delms.license.inbound;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import ai.dify.delms.platform.test.TestEvents;

/** Events of sales-service and deployment-service as they publish them (docs/asyncapi.yaml). */
public final class SalesAndDeploymentEventsFixture {

    private SalesAndDeploymentEventsFixture() {
    }

    public static Map<String, Object> purchase(String licenseId, String type) {
        Map<String, Object> data = new HashMap<>();
        data.put("id", UUID.randomUUID().toString());
        data.put("licenseId", licenseId);
        data.put("type", type);
        data.put("purchaseDate", LocalDate.now().toString());
        data.put("amount", "12000.00");
        data.put("currency", "EUR");
        data.put("salesRepId", UUID.randomUUID().toString());
        data.put("recordedBy", "bob");
        data.put("version", 0);
        return data;
    }

    /** The event of a purchase recorded by bob (the envelope names him). */
    public static TestEvents purchaseRecorded(Map<String, Object> purchase) {
        return TestEvents.event("delms.purchase.recorded.v1", purchase.get("id").toString())
                .source("/delms/sales-service").actor("f3a1-bob", "bob", "delms-web").data(purchase);
    }

    /** A completed deployment whose envelope names nobody (as published before events carried their actor). */
    public static TestEvents deploymentCompleted(String licenseId, String engineerName) {
        Map<String, Object> data = new HashMap<>();
        String deploymentId = UUID.randomUUID().toString();
        data.put("deploymentId", deploymentId);
        data.put("licenseId", licenseId);
        data.put("engineerId", UUID.randomUUID().toString());
        data.put("engineerName", engineerName);
        data.put("status", "COMPLETED");
        data.put("scheduledDate", LocalDate.now().toString());
        data.put("environment", "PRIVATE_CLOUD");
        data.put("productVersion", "1.9.2");
        return TestEvents.event("delms.deployment.completed.v1", deploymentId).source("/delms/deployment-service")
                .data(data);
    }
}
