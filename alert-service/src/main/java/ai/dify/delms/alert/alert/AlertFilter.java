package ai.dify.delms.alert.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;

/**
 * The filters of the alert list; a null (or empty) filter does not restrict. {@code status}: any of
 * the given statuses, e.g. OPEN and ACKNOWLEDGED for every alert not yet resolved.
 */
public record AlertFilter(List<AlertStatus> status, AlertType type, String licenseId, UUID customerId,
        AlertSeverity severity) {

    Specification<Alert> toSpecification() {
        List<Specification<Alert>> conditions = new ArrayList<>();
        if (status != null && !status.isEmpty()) {
            conditions.add((root, query, cb) -> root.get("status").in(status));
        }
        addEqual(conditions, "type", type);
        addEqual(conditions, "licenseId", licenseId);
        addEqual(conditions, "customerId", customerId);
        addEqual(conditions, "severity", severity);
        return Specification.allOf(conditions);
    }

    /** Alerts of one reseller's licenses (alerts keep the reseller id as text). */
    static Specification<Alert> ofReseller(UUID resellerId) {
        return (root, query, cb) -> cb.equal(root.get("resellerId"), resellerId.toString());
    }

    private static void addEqual(List<Specification<Alert>> conditions, String attribute, Object value) {
        if (value != null) {
            conditions.add((root, query, cb) -> cb.equal(root.get(attribute), value));
        }
    }
}
