package ai.dify.delms.license.license;

import ai.dify.delms.platform.events.DelmsTopics;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What license-service publishes on {@value #TOPIC}, keyed by license id (EVENTS.md). */
public final class LicenseEvents {

    public static final String TOPIC = DelmsTopics.LICENSES;
    public static final String CREATED = "delms.license.created.v1";
    public static final String UPDATED = "delms.license.updated.v1";
    public static final String STATUS_CHANGED = "delms.license.status-changed.v1";

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
}
