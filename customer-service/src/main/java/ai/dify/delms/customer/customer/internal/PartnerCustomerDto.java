package ai.dify.delms.customer.customer.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer as the reseller serving it sees it: who it is and whom to contact. Left out, as the
 * vendor's internal business: the owning sales rep, the notes, the names of the staff who created
 * and changed it, the license count (it may include licenses sold without the reseller) and the
 * version (partners cannot change customers).
 */
public record PartnerCustomerDto(UUID id, String name, String industry, String region, String country,
        String contactName, String contactEmail, String contactPhone, UUID resellerId, Instant createdAt,
        Instant updatedAt) {

    static PartnerCustomerDto of(Customer c) {
        return new PartnerCustomerDto(c.getId(), c.getName(), c.getIndustry(), c.getRegion(), c.getCountry(),
                c.getContactName(), c.getContactEmail(), c.getContactPhone(), c.getResellerId(), c.getCreatedAt(),
                c.getUpdatedAt());
    }
}
