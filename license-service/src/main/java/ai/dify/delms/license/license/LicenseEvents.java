package ai.dify.delms.license.license;

import ai.dify.delms.platform.events.DelmsTopics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What license-service publishes on {@value #TOPIC}, keyed by license id (EVENTS.md). */
public final class LicenseEvents {

    public static final String TOPIC = DelmsTopics.LICENSES;
    public static final String CREATED = "delms.license.created.v1";
    public static final String UPDATED = "delms.license.updated.v1";
    public static final String STATUS_CHANGED = "delms.license.status-changed.v1";
    public static final String USAGE_REPORTED = "delms.license.usage-reported.v1";
    public static final String EXPIRED = "delms.license.expired.v1";

    private LicenseEvents() {
    }

    /** The payload of {@code delms.license.created.v1}: the license as in the API, without derived fields. */
    public record LicenseCreated(String id, String productType, LicenseType licenseType, LicenseStatus status,
            UUID customerId, UUID salesRepId, UUID resellerId, LocalDate orderDate, LocalDate startDate,
            LocalDate expiryDate, int authorizedWorkspaces, int authorizedUsers) {

        static LicenseCreated of(License l) {
            return new LicenseCreated(l.getId().value(), l.getProductType(), l.getLicenseType(), l.getStatus(),
                    l.getCustomerId(), l.getSalesRepId(), l.getResellerId(), l.getOrderDate(), l.getStartDate(),
                    l.getExpiryDate(), l.getAuthorizedWorkspaces(), l.getAuthorizedUsers());
        }
    }

    /** The payload of {@code delms.license.updated.v1}: the changed editable fields and the new version. */
    public record LicenseUpdated(String licenseId, List<FieldChange> changes, String actor, long version) {
    }

    /** The payload of {@code delms.license.status-changed.v1}. */
    public record LicenseStatusChanged(String licenseId, LicenseStatus from, LicenseStatus to, String reason,
            String actor) {
    }

    /**
     * The payload of {@code delms.license.usage-reported.v1}: one report with the limits it is judged
     * against. {@code overused} is the license's state after it (judged on the latest report, which a
     * late, older report does not replace); {@code latest} says whether this report is now the latest.
     */
    public record UsageReported(String licenseId, int workspaces, int users, Instant reportedAt,
            int authorizedWorkspaces, int authorizedUsers, boolean overused, boolean latest, LicenseStatus status,
            UUID customerId, UUID resellerId, String reportedBy) {
    }

    /** The payload of {@code delms.license.expired.v1}. */
    public record LicenseExpired(String licenseId, LocalDate expiryDate, UUID customerId, UUID resellerId) {
    }
}
