package ai.dify.delms.systemtests.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies with unique names, so every run creates its own data and re-runs pass. */
public final class TestData {

    private TestData() {
    }

    public static String uniqueSuffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A customer named {@code "System Test <suffix>"}. */
    public static Map<String, Object> newCustomer() {
        return newCustomer("System Test " + uniqueSuffix());
    }

    public static Map<String, Object> newCustomer(String name) {
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", name);
        customer.put("industry", "Software");
        customer.put("region", "EMEA");
        customer.put("country", "DE");
        customer.put("contactName", "Sam Tester");
        customer.put("contactEmail", slug + "@example.com");
        return customer;
    }

    /** A one-year Enterprise subscription for the customer, starting today. */
    public static Map<String, Object> newLicense(String customerId) {
        LocalDate today = LocalDate.now();
        Map<String, Object> license = new LinkedHashMap<>();
        license.put("productType", "ENT");
        license.put("licenseType", "SUBSCRIPTION");
        license.put("customerId", customerId);
        license.put("orderDate", today.toString());
        license.put("startDate", today.toString());
        license.put("expiryDate", today.plusYears(1).toString());
        license.put("authorizedWorkspaces", 5);
        license.put("authorizedUsers", 50);
        license.put("notes", "created by the system tests");
        return license;
    }
}
