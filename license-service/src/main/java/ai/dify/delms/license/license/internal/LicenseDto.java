package ai.dify.delms.license.license.internal;

import ai.dify.delms.license.license.LatestUsage;
import ai.dify.delms.license.license.License;
import ai.dify.delms.license.license.LicenseStatus;
import ai.dify.delms.license.license.LicenseType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A license as the API shows it. {@code usage} is null until usage reports exist; {@code overused}
 * and {@code daysToExpiry} are derived.
 */
public record LicenseDto(String id, String productType, LicenseType licenseType, LicenseStatus status,
        UUID customerId, UUID salesRepId, UUID resellerId, LocalDate orderDate, LocalDate startDate,
        LocalDate expiryDate, int authorizedWorkspaces, int authorizedUsers, Usage usage, boolean overused,
        Long daysToExpiry, String notes, Instant createdAt, Instant updatedAt, String createdBy, String updatedBy,
        long version) {

    /** The latest usage report. */
    public record Usage(int workspaces, int users, Instant reportedAt) {

        static Usage of(LatestUsage usage) {
            return usage == null ? null : new Usage(usage.workspaces(), usage.users(), usage.reportedAt());
        }
    }

    static LicenseDto of(License l, LocalDate today) {
        return new LicenseDto(l.getId().value(), l.getProductType(), l.getLicenseType(), l.getStatus(),
                l.getCustomerId(), l.getSalesRepId(), l.getResellerId(), l.getOrderDate(), l.getStartDate(),
                l.getExpiryDate(), l.getAuthorizedWorkspaces(), l.getAuthorizedUsers(), Usage.of(l.getUsage()), l.isOverused(),
                l.daysToExpiry(today), l.getNotes(), l.getCreatedAt(), l.getUpdatedAt(), l.getCreatedBy(),
                l.getUpdatedBy(), l.getVersion());
    }
}
