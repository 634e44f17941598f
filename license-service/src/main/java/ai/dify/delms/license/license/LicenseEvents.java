package ai.dify.delms.license.license;

import ai.dify.delms.platform.events.DelmsTopics;
import java.time.LocalDate;
import java.util.UUID;

/** What license-service publishes on {@value #TOPIC}, keyed by license id (EVENTS.md). */
public final class LicenseEvents {

    public static final String TOPIC = DelmsTopics.LICENSES;
    public static final String CREATED = "delms.license.created.v1";

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
}
