package ai.dify.delms.license.customerref;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A customer as customer-service's events describe it; deleted ones stay, marked, so late events cannot revive them. */
@Entity
class KnownCustomer {

    @Id
    private UUID id;
    private String name;
    private UUID salesRepId;
    private UUID resellerId;
    private boolean deleted;
    private Instant updatedAt;

    protected KnownCustomer() {
    }

    KnownCustomer(UUID id) {
        this.id = id;
    }

    void describe(String name, UUID salesRepId, UUID resellerId, Instant now) {
        this.name = name;
        this.salesRepId = salesRepId;
        this.resellerId = resellerId;
        this.updatedAt = now;
    }

    void markDeleted(Instant now) {
        this.deleted = true;
        this.updatedAt = now;
    }

    UUID getId() { return id; }
    String getName() { return name; }
    boolean isDeleted() { return deleted; }
}
