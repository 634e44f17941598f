package ai.dify.delms.alert.licenseview;

import ai.dify.delms.platform.events.DelmsTopics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The license-service events this feature reads, with the fields it uses (others are ignored).
 * Every event carries the license's {@code version} after the change and, but the creation (which is
 * the state itself), the license as it is then ({@code license}); events published before they did
 * have neither (the updated event had the version alone).
 */
public final class LicenseEvents {

    public static final String TOPIC = DelmsTopics.LICENSES;
    public static final String CREATED = "delms.license.created.v1";
    public static final String UPDATED = "delms.license.updated.v1";
    public static final String STATUS_CHANGED = "delms.license.status-changed.v1";
    public static final String USAGE_REPORTED = "delms.license.usage-reported.v1";
    public static final String EXPIRED = "delms.license.expired.v1";
    public static final String SNAPSHOT = "delms.license.snapshot.v1";

    private LicenseEvents() {
    }

    /** {@value #CREATED}; {@code createdAt} may be absent: the event's time is used then. */
    public record LicenseCreated(String id, UUID customerId, String resellerId, String licenseType, String status,
            LocalDate expiryDate, Integer authorizedWorkspaces, Integer authorizedUsers, Instant createdAt,
            Long version) {

        LicenseState state() {
            return new LicenseState(customerId, resellerId, licenseType, status, expiryDate, authorizedWorkspaces,
                    authorizedUsers);
        }
    }

    /** The license after the change, as far as the alert rules care. */
    public record LicenseState(UUID customerId, String resellerId, String licenseType, String status,
            LocalDate expiryDate, Integer authorizedWorkspaces, Integer authorizedUsers) {
    }

    /** {@value #UPDATED}: the changed fields, values as JSON scalars. */
    public record LicenseUpdated(String licenseId, List<Change> changes, Long version, LicenseState license) {

        public record Change(String field, Object oldValue, Object newValue) {
        }
    }

    /** {@value #STATUS_CHANGED}. */
    public record StatusChanged(String licenseId, String from, String to, Long version, LicenseState license) {
    }

    /** {@value #USAGE_REPORTED}, with the limits in force when it was reported. */
    public record UsageReported(String licenseId, Integer workspaces, Integer users, Instant reportedAt,
            Integer authorizedWorkspaces, Integer authorizedUsers, Long version, LicenseState license) {
    }

    /** {@value #EXPIRED}. */
    public record Expired(String licenseId, LocalDate expiryDate, Long version, LicenseState license) {
    }

    /**
     * {@value #SNAPSHOT}: the license as it is now, re-published (not changed) for read models being
     * rebuilt, with the facts no later event repeats: creation time, since when it has its status,
     * and its latest usage report (null before any); {@code snapshotId} names the run.
     */
    public record Snapshot(String licenseId, Long version, LicenseState license, Instant createdAt,
            Instant statusChangedAt, Usage usage, UUID snapshotId) {

        /** A usage report's figures. */
        public record Usage(Integer workspaces, Integer users, Instant reportedAt) {
        }
    }
}
