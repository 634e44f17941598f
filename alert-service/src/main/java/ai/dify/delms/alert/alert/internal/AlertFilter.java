package ai.dify.delms.alert.alert.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;

import ai.dify.delms.alert.alert.Alert;
import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.licenseview.LicenseModel;

/**
 * The filters of the alert list; a null (or empty) filter does not restrict. {@code status}: any of
 * the given statuses, e.g. OPEN and ACKNOWLEDGED for every alert not yet resolved.
 */
public record AlertFilter(List<AlertStatus> status, AlertType type, String licenseId, UUID customerId,
        AlertSeverity severity) {

    public Specification<Alert> toSpecification() {
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

    /**
     * Alerts of the licenses whose reseller is now {@code resellerId}, as the license model knows
     * them (docs/decisions.md, 23). Not the reseller an alert was raised under: a license moved to
     * another reseller takes its alerts along, and the model keeps the newest license version, so a
     * late or repeated event cannot move them back. A license the model does not know (while a
     * rebuild refills it) shows its alerts to no partner.
     */
    public static Specification<Alert> ofReseller(UUID resellerId) {
        return (root, query, cb) -> {
            Subquery<String> licenses = query.subquery(String.class);
            Root<LicenseModel> model = licenses.from(LicenseModel.class);
            licenses.select(model.get("licenseId")).where(cb.equal(model.get("resellerId"), resellerId.toString()));
            return root.get("licenseId").in(licenses);
        };
    }

    public static Specification<Alert> withId(UUID id) {
        return (root, query, cb) -> cb.equal(root.get("id"), id);
    }

    private static void addEqual(List<Specification<Alert>> conditions, String attribute, Object value) {
        if (value != null) {
            conditions.add((root, query, cb) -> cb.equal(root.get(attribute), value));
        }
    }
}
