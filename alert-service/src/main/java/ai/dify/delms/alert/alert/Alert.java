package ai.dify.delms.alert.alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ai.dify.delms.alert.alert.internal.AlertDetailsConverter;
import ai.dify.delms.alert.alert.internal.AlertStatus;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An alert about one license: expiring, expired, overused, inactive or used irregularly. */
@Entity
@Table(name = "alert")
public class Alert {

    @Id
    private UUID id;
    private String licenseId;
    private UUID customerId;
    private String resellerId;
    // plain text columns, not native MySQL enums: a new value needs no schema change
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private AlertType type;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private AlertSeverity severity;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private AlertStatus status;
    private String message;
    @Convert(converter = AlertDetailsConverter.class)
    private Map<String, Object> details;
    private Instant raisedAt;
    private String acknowledgedBy;
    private Instant acknowledgedAt;
    private Instant resolvedAt;
    @Version
    private Long version;

    protected Alert() {
    }

    private Alert(String licenseId, UUID customerId, String resellerId, AlertType type, AlertSeverity severity,
            String message, Map<String, Object> details, Instant raisedAt) {
        this.id = UUID.randomUUID();
        this.licenseId = licenseId;
        this.customerId = customerId;
        this.resellerId = resellerId;
        this.type = type;
        this.severity = severity;
        this.status = AlertStatus.OPEN;
        this.message = message;
        this.details = details == null ? Map.of() : new java.util.LinkedHashMap<>(details);
        this.raisedAt = raisedAt;
    }

    /** A new, open alert. */
    public static Alert raise(String licenseId, UUID customerId, String resellerId, AlertType type,
            AlertSeverity severity, String message, Map<String, Object> details, Instant raisedAt) {
        return new Alert(licenseId, customerId, resellerId, type, severity, message, details, raisedAt);
    }

    /** Someone has seen it: still open (no second alert of its type is raised), no longer news. */
    void acknowledge(String actor, Instant at) {
        if (status == AlertStatus.RESOLVED) {
            throw new IllegalStateException("A resolved alert cannot be acknowledged");
        }
        if (status == AlertStatus.OPEN) {
            status = AlertStatus.ACKNOWLEDGED;
            acknowledgedBy = actor;
            acknowledgedAt = at;
        }
    }

    /** The condition ended. */
    void resolve(Instant at) {
        if (status != AlertStatus.RESOLVED) {
            status = AlertStatus.RESOLVED;
            resolvedAt = at;
        }
    }

    public boolean isOpen() {
        return status != AlertStatus.RESOLVED;
    }

    public UUID getId() { return id; }
    public String getLicenseId() { return licenseId; }
    public UUID getCustomerId() { return customerId; }
    public String getResellerId() { return resellerId; }
    public AlertType getType() { return type; }
    public AlertSeverity getSeverity() { return severity; }
    public AlertStatus getStatus() { return status; }
    public String getMessage() { return message; }
    public Map<String, Object> getDetails() { return details == null ? Map.of() : details; }
    public Instant getRaisedAt() { return raisedAt; }
    public String getAcknowledgedBy() { return acknowledgedBy; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public long getVersion() { return version == null ? 0 : version; }
}
