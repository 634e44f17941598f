package ai.dify.delms.customer.customer.internal;

import java.time.Instant;
import java.util.UUID;

/** A customer as the API shows it; {@code licenseCount} is what license-service's events reported. */
public record CustomerDto(UUID id, String name, String industry, String region, String country,
        String contactName, String contactEmail, String contactPhone, UUID salesRepId, UUID resellerId,
        String notes, long licenseCount, Instant createdAt, Instant updatedAt, String createdBy, String updatedBy,
        long version) {

    static CustomerDto of(Customer c, long licenseCount) {
        return new CustomerDto(c.getId(), c.getName(), c.getIndustry(), c.getRegion(), c.getCountry(),
                c.getContactName(), c.getContactEmail(), c.getContactPhone(), c.getSalesRepId(), c.getResellerId(),
                c.getNotes(), licenseCount, c.getCreatedAt(), c.getUpdatedAt(), c.getCreatedBy(), c.getUpdatedBy(),
                c.getVersion());
    }
}
