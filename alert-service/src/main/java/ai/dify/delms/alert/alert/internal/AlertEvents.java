package ai.dify.delms.alert.alert.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import ai.dify.delms.alert.alert.Alert;
import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.events.DomainEvent;

/** The events of {@value #TOPIC} (docs/asyncapi.yaml): subject = alert id, Kafka key = license id. */
public final class AlertEvents {

    public static final String TOPIC = DelmsTopics.ALERTS;
    public static final String RAISED = "delms.alert.raised.v1";
    public static final String RESOLVED = "delms.alert.resolved.v1";
    public static final String ACKNOWLEDGED = "delms.alert.acknowledged.v1";

    private AlertEvents() {
    }

    /**
     * An alert event: subject is the alert's id, key its license's; the record knows its type, and
     * the payload is {@link #alert()} written as the event's own fields.
     */
    public sealed interface AlertEvent extends DomainEvent permits AlertRaised, AlertAcknowledged, AlertResolved {

        AlertState alert();

        @Override
        default String topic() {
            return TOPIC;
        }

        @Override
        default String subject() {
            return alert().id().toString();
        }

        @Override
        default String key() {
            return alert().licenseId();
        }

        @Override
        default long version() {
            return alert().version();
        }
    }

    /**
     * The payload of every alert event: the alert as it is after the change, and its version then
     * ({@code type} is the alert's type, not the event's).
     */
    public record AlertState(UUID id, String licenseId, UUID customerId, String resellerId, AlertType type,
            AlertSeverity severity, AlertStatus status, String message, Map<String, Object> details, Instant raisedAt,
            String acknowledgedBy, Instant acknowledgedAt, Instant resolvedAt, long version) {

        static AlertState of(Alert alert) {
            return new AlertState(alert.getId(), alert.getLicenseId(), alert.getCustomerId(), alert.getResellerId(),
                    alert.getType(), alert.getSeverity(), alert.getStatus(), alert.getMessage(), alert.getDetails(),
                    alert.getRaisedAt(), alert.getAcknowledgedBy(), alert.getAcknowledgedAt(), alert.getResolvedAt(),
                    alert.getVersion());
        }
    }

    /** {@value #RAISED}. */
    public record AlertRaised(@JsonUnwrapped AlertState alert) implements AlertEvent {

        public static AlertRaised of(Alert alert) {
            return new AlertRaised(AlertState.of(alert));
        }

        @Override
        public String type() {
            return RAISED;
        }
    }

    /** {@value #ACKNOWLEDGED}. */
    public record AlertAcknowledged(@JsonUnwrapped AlertState alert) implements AlertEvent {

        public static AlertAcknowledged of(Alert alert) {
            return new AlertAcknowledged(AlertState.of(alert));
        }

        @Override
        public String type() {
            return ACKNOWLEDGED;
        }
    }

    /** {@value #RESOLVED}. */
    public record AlertResolved(@JsonUnwrapped AlertState alert) implements AlertEvent {

        public static AlertResolved of(Alert alert) {
            return new AlertResolved(AlertState.of(alert));
        }

        @Override
        public String type() {
            return RESOLVED;
        }
    }
}
