package ai.dify.delms.alert.alert.internal;

import ai.dify.delms.alert.alert.Alert;
import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An alert as a partner sees it: without the name of the staff member who acknowledged it, and with
 * the license's current reseller, the caller's (not the one the alert was raised under).
 */
public record PartnerAlertDto(UUID id, String licenseId, UUID customerId, String resellerId, AlertType type,
        AlertSeverity severity, AlertStatus status, String message, Map<String, Object> details, Instant raisedAt,
        Instant acknowledgedAt, Instant resolvedAt) {

    static PartnerAlertDto of(Alert alert, UUID currentReseller) {
        return new PartnerAlertDto(alert.getId(), alert.getLicenseId(), alert.getCustomerId(), currentReseller.toString(),
                alert.getType(), alert.getSeverity(), alert.getStatus(), alert.getMessage(), alert.getDetails(),
                alert.getRaisedAt(), alert.getAcknowledgedAt(), alert.getResolvedAt());
    }
}
