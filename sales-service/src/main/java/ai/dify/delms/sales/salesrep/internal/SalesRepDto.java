package ai.dify.delms.sales.salesrep.internal;

import java.time.Instant;
import java.util.UUID;

import ai.dify.delms.sales.salesrep.SalesRep;

/** A sales rep as the API shows it. */
public record SalesRepDto(UUID id, String name, String email, String region, boolean active, Instant createdAt,
        Instant updatedAt, long version) {

    static SalesRepDto of(SalesRep rep) {
        return new SalesRepDto(rep.getId(), rep.getName(), rep.getEmail(), rep.getRegion(), rep.isActive(),
                rep.getCreatedAt(), rep.getUpdatedAt(), rep.getVersion());
    }
}
