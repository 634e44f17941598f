package ai.dify.delms.deployment.licenseview;

import ai.dify.delms.platform.events.DelmsTopics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The license-service events this feature reads, with the fields it uses (others are ignored).
 * Every event carries the license's {@code version} after the change and, but the creation, the
 * license as it is then ({@code license}); events published before they did have neither.
 */
public final class LicenseEvents {

    public static final String TOPIC = DelmsTopics.LICENSES;
    public static final String CREATED = "delms.license.created.v1";
    public static final String STATUS_CHANGED = "delms.license.status-changed.v1";
    public static final String UPDATED = "delms.license.updated.v1";
    public static final String EXPIRED = "delms.license.expired.v1";
    public static final String SNAPSHOT = "delms.license.snapshot.v1";

    private LicenseEvents() {
    }

    /** {@value #CREATED}; {@code createdAt} may be absent: the event's time is used then. */
    public record LicenseCreated(String id, String status, Instant createdAt, LocalDate orderDate, Long version) {
    }

    /** The license after the change, as far as deployments care. */
    public record State(String status, LocalDate orderDate) {
    }

    /** {@value #UPDATED}: only a change of {@code orderDate} matters here. */
    public record LicenseUpdated(String licenseId, List<FieldChange> changes, Long version, State license) {
    }

    /** One changed field of {@value #UPDATED}; values as text. */
    public record FieldChange(String field, String oldValue, String newValue) {
    }

    /** {@value #STATUS_CHANGED}. */
    public record StatusChanged(String licenseId, String from, String to, Long version, State license) {
    }

    /** {@value #EXPIRED}. */
    public record Expired(String licenseId, Long version, State license) {
    }

    /**
     * {@value #SNAPSHOT}: the license as it is now, re-published (not changed) for read models being
     * rebuilt; applied like any newer state, and it makes a license not seen yet known.
     */
    public record Snapshot(String licenseId, Long version, State license, Instant createdAt) {
    }
}
