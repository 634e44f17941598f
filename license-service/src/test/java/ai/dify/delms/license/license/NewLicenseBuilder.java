package ai.dify.delms.license.license;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Request bodies for {@code POST /api/v1/licenses}: a valid one-year ENT subscription by default. */
public final class NewLicenseBuilder {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private NewLicenseBuilder(String customerId) {
        LocalDate today = LocalDate.now();
        fields.put("productType", "ENT");
        fields.put("licenseType", "SUBSCRIPTION");
        fields.put("customerId", customerId);
        fields.put("orderDate", today.toString());
        fields.put("startDate", today.toString());
        fields.put("expiryDate", today.plusYears(1).toString());
        fields.put("authorizedWorkspaces", 10);
        fields.put("authorizedUsers", 200);
    }

    public static NewLicenseBuilder aLicenseFor(String customerId) {
        return new NewLicenseBuilder(customerId);
    }

    public NewLicenseBuilder with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public NewLicenseBuilder without(String field) {
        fields.remove(field);
        return this;
    }

    public String toJson() {
        return JSON.writeValueAsString(fields);
    }
}
