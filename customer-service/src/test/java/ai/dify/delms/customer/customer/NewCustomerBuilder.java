package ai.dify.delms.customer.customer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** Request bodies for {@code POST /api/v1/customers}: valid by default, unique name per instance. */
final class NewCustomerBuilder {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private NewCustomerBuilder() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        fields.put("name", "Customer " + suffix);
        fields.put("industry", "Software");
        fields.put("region", "EMEA");
        fields.put("country", "DE");
        fields.put("contactName", "Dana Buyer");
        fields.put("contactEmail", "dana." + suffix + "@example.com");
    }

    static NewCustomerBuilder aCustomer() {
        return new NewCustomerBuilder();
    }

    NewCustomerBuilder with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    NewCustomerBuilder without(String field) {
        fields.remove(field);
        return this;
    }

    String name() {
        return (String) fields.get("name");
    }

    String toJson() {
        return JSON.writeValueAsString(fields);
    }
}
