package ai.dify.delms.sales.reseller.internal;

import java.time.Instant;
import java.util.UUID;

import ai.dify.delms.sales.reseller.Reseller;

/** A reseller as the API shows it. */
public record ResellerDto(UUID id, String code, String name, String contactEmail, String region, ResellerTier tier,
        boolean active, Instant createdAt, Instant updatedAt, long version) {

    static ResellerDto of(Reseller r) {
        return new ResellerDto(r.getId(), r.getCode(), r.getName(), r.getContactEmail(), r.getRegion(), r.getTier(),
                r.isActive(), r.getCreatedAt(), r.getUpdatedAt(), r.getVersion());
    }
}
