package ai.dify.delms.platform.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One row of the audit log.
 *
 * @param changes for an update, the changed fields with their values before and after (as text;
 *                secrets redacted, long values cut); empty for creates and deletes
 */
public record AuditEntry(long id, Instant occurredAt, String actorSubject, String actorUsername, String actorClientId,
        AuditAction action, String entityType, String entityId, Map<String, FieldChange> changes,
        String requestMethod, String requestPath, String traceId) {

    /** A field's value before and after an update, as text (stored as {@code {"old", "new"}}). */
    public record FieldChange(String oldValue, String newValue) {
    }
}
