package ai.dify.delms.systemtests.chaos;

import ai.dify.delms.systemtests.support.ServiceDatabase;

import static ai.dify.delms.systemtests.support.ServiceDatabase.placeholders;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What each service's read model of licenses holds, compared with license-service, the owner:
 * sales-service's license feed (expiry, limits), alert-service's license model (status, expiry,
 * limits), deployment-service's license view (status) and customer-service's licenses per customer.
 * An empty list of differences means every model agrees on every given license.
 */
public final class ReadModels {

    private final ServiceDatabase license = ServiceDatabase.of("license");
    private final ServiceDatabase sales = ServiceDatabase.of("sales");
    private final ServiceDatabase alert = ServiceDatabase.of("alert");
    private final ServiceDatabase deployment = ServiceDatabase.of("deployment");
    private final ServiceDatabase customer = ServiceDatabase.of("customer");

    /** The owner's state of the licenses, by id. */
    public Map<String, Map<String, Object>> owner(Collection<String> ids) {
        return byId(license.rows("select id, customer_id, status, expiry_date, authorized_workspaces, authorized_users, "
                + "version from license where id in (" + placeholders(ids.size()) + ")", ids.toArray()), "id");
    }

    /** Every difference between the owner and a read model, as readable lines; empty when all agree. */
    public List<String> differences(Collection<String> ids) {
        Map<String, Map<String, Object>> truth = owner(ids);
        List<String> differences = new ArrayList<>();
        if (truth.size() != ids.size()) {
            differences.add("license-service has " + truth.size() + " of the " + ids.size() + " licenses");
        }
        Object[] args = ids.toArray();
        String in = "(" + placeholders(ids.size()) + ")";
        compare("sales-service license feed", truth, byId(sales.rows("select license_id, expiry_date, "
                + "authorized_workspaces, authorized_users from license_sale where license_id in " + in, args),
                "license_id"), List.of("expiry_date", "authorized_workspaces", "authorized_users"), differences);
        compare("alert-service license model", truth, byId(alert.rows("select license_id, status, expiry_date, "
                + "authorized_workspaces, authorized_users from license_model where license_id in " + in, args),
                "license_id"), List.of("status", "expiry_date", "authorized_workspaces", "authorized_users"),
                differences);
        compare("deployment-service license view", truth, byId(deployment.rows("select license_id, status "
                + "from license_view where license_id in " + in, args), "license_id"), List.of("status"), differences);
        compare("customer-service licenses of customers", truth, byId(customer.rows("select license_id, customer_id "
                + "from customer_license where license_id in " + in, args), "license_id"), List.of("customer_id"),
                differences);
        return differences;
    }

    /** Fails with the first differences (and how many there are) unless there are none. */
    public static void assertAgree(List<String> differences) {
        org.assertj.core.api.Assertions.assertThat(differences)
                .as("%d difference(s), first ones: %s", differences.size(),
                        differences.subList(0, Math.min(20, differences.size())))
                .isEmpty();
    }

    private static void compare(String model, Map<String, Map<String, Object>> truth,
            Map<String, Map<String, Object>> copy, List<String> fields, List<String> differences) {
        truth.forEach((id, owned) -> {
            Map<String, Object> row = copy.get(id);
            if (row == null) {
                differences.add(model + ": " + id + " missing");
                return;
            }
            for (String field : fields) {
                if (!Objects.equals(owned.get(field), row.get(field))) {
                    differences.add(model + ": " + id + " " + field + " = " + row.get(field) + ", owner says "
                            + owned.get(field));
                }
            }
        });
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> rows, String idColumn) {
        return rows.stream().collect(Collectors.toMap(row -> String.valueOf(row.get(idColumn)), Function.identity()));
    }
}
