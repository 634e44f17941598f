package ai.dify.delms.alert.alert.internal;

import ai.dify.delms.alert.alert.Alert;
import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An alert as the API shows it; {@code resellerId} is the license's reseller when the alert was
 * raised (partners see alerts by the license's current one, {@link PartnerAlertDto}).
 */
public record AlertDto(UUID id, String licenseId, UUID customerId, String resellerId, AlertType type,
        AlertSeverity severity, AlertStatus status, String message, Map<String, Object> details, Instant raisedAt,
        String acknowledgedBy, Instant acknowledgedAt, Instant resolvedAt, long version) {

    static AlertDto of(Alert alert) {
        return new AlertDto(alert.getId(), alert.getLicenseId(), alert.getCustomerId(), alert.getResellerId(),
                alert.getType(), alert.getSeverity(), alert.getStatus(), alert.getMessage(), alert.getDetails(),
                alert.getRaisedAt(), alert.getAcknowledgedBy(), alert.getAcknowledgedAt(), alert.getResolvedAt(), alert.getVersion());
    }
}
