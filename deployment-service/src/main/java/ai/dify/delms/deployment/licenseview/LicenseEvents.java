package ai.dify.delms.deployment.licenseview;

import ai.dify.delms.platform.events.DelmsTopics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The license-service events this feature reads, with the fields it uses (others are ignored). */
public final class LicenseEvents {

    public static final String TOPIC = DelmsTopics.LICENSES;
    public static final String CREATED = "delms.license.created.v1";
    public static final String STATUS_CHANGED = "delms.license.status-changed.v1";
    public static final String UPDATED = "delms.license.updated.v1";
    public static final String EXPIRED = "delms.license.expired.v1";

    private LicenseEvents() {
    }

    /** {@value #CREATED}; {@code createdAt} may be absent: the event's time is used then. */
    public record LicenseCreated(String id, String status, Instant createdAt, LocalDate orderDate) {
    }

    /** {@value #UPDATED}: only a change of {@code orderDate} matters here. */
    public record LicenseUpdated(String licenseId, List<FieldChange> changes) {
    }

    /** One changed field of {@value #UPDATED}; values as text. */
    public record FieldChange(String field, String oldValue, String newValue) {
    }

    /** {@value #STATUS_CHANGED}. */
    public record StatusChanged(String licenseId, String from, String to) {
    }

    /** {@value #EXPIRED}. */
    public record Expired(String licenseId) {
    }
}
