package ai.dify.delms.alert.alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import ai.dify.delms.platform.events.DelmsTopics;

/** The events of {@code delms.alerts} (EVENTS.md): subject = alert id, Kafka key = license id. */
public final class AlertEvents {

    public static final String TOPIC = DelmsTopics.ALERTS;
    public static final String RAISED = "delms.alert.raised.v1";
    public static final String RESOLVED = "delms.alert.resolved.v1";
    public static final String ACKNOWLEDGED = "delms.alert.acknowledged.v1";

    private AlertEvents() {
    }

    /** The payload of every alert event: the alert as it is after the change, and its version then. */
    public record AlertEventData(UUID id, String licenseId, UUID customerId, String resellerId, AlertType type,
            AlertSeverity severity, AlertStatus status, String message, Map<String, Object> details, Instant raisedAt,
            String acknowledgedBy, Instant acknowledgedAt, Instant resolvedAt, long version) {

        static AlertEventData of(Alert alert) {
            return new AlertEventData(alert.getId(), alert.getLicenseId(), alert.getCustomerId(),
                    alert.getResellerId(), alert.getType(), alert.getSeverity(), alert.getStatus(), alert.getMessage(),
                    alert.getDetails(), alert.getRaisedAt(), alert.getAcknowledgedBy(), alert.getAcknowledgedAt(),
                    alert.getResolvedAt(), alert.getVersion());
        }
    }
}
