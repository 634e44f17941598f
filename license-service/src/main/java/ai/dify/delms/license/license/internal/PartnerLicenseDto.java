package ai.dify.delms.license.license.internal;

import ai.dify.delms.license.license.License;
import ai.dify.delms.license.license.LicenseStatus;
import ai.dify.delms.license.license.LicenseType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;


/**
 * A license as a partner sees it: {@link LicenseDto} without what concerns only the vendor
 * ({@code salesRepId}, {@code notes}, and {@code createdBy}/{@code updatedBy}, names of vendor
 * staff). {@code timeline} is only in the answer for a single license.
 */
public record PartnerLicenseDto(String id, String productType, LicenseType licenseType, LicenseStatus status,
        UUID customerId, UUID resellerId, LocalDate orderDate, LocalDate startDate, LocalDate expiryDate,
        int authorizedWorkspaces, int authorizedUsers, LicenseDto.Usage usage, boolean overused, Long daysToExpiry,
        Instant createdAt, Instant updatedAt, long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PartnerTimelineEntry> timeline) {

    static PartnerLicenseDto of(License l, LocalDate today) {
        return withTimeline(l, today, null);
    }

    static PartnerLicenseDto withTimeline(License l, LocalDate today, List<PartnerTimelineEntry> timeline) {
        return new PartnerLicenseDto(l.getId().value(), l.getProductType(), l.getLicenseType(), l.getStatus(),
                l.getCustomerId(), l.getResellerId(), l.getOrderDate(), l.getStartDate(), l.getExpiryDate(),
                l.getAuthorizedWorkspaces(), l.getAuthorizedUsers(), LicenseDto.Usage.of(l.getUsage()), l.isOverused(),
                l.daysToExpiry(today), l.getCreatedAt(), l.getUpdatedAt(), l.getVersion(), timeline);
    }
}
