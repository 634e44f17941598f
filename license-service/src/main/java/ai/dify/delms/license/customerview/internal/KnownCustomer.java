package ai.dify.delms.license.customerview.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A customer as customer-service's events describe it, at the newest version seen; deleted ones
 * stay, marked, so late events cannot revive them.
 */
@Entity
public class KnownCustomer {

    @Id
    private UUID id;
    private String name;
    private UUID salesRepId;
    private UUID resellerId;
    private boolean deleted;
    /** The customer's version the row shows; null while only events without a version were seen. */
    private Long version;
    private Instant updatedAt;

    protected KnownCustomer() {
    }

    public KnownCustomer(UUID id) {
        this.id = id;
    }

    /**
     * What an event says of the customer, unless the row shows a newer version already (the event is
     * older: a redelivery, a reordering) or the customer was deleted.
     *
     * @param version the event's version; null for an event published before events carried one,
     *                which is older than any that does
     * @return whether it was applied
     */
    public boolean describe(String name, UUID salesRepId, UUID resellerId, Long version, Instant now) {
        if (deleted || !isNewer(version)) {
            return false;
        }
        this.name = name;
        this.salesRepId = salesRepId;
        this.resellerId = resellerId;
        this.version = version;
        this.updatedAt = now;
        return true;
    }

    /** Deleted, for good: whatever arrives later, deleted or not, changes nothing. */
    public void markDeleted(Long version, Instant now) {
        this.deleted = true;
        if (version != null && (this.version == null || version > this.version)) {
            this.version = version;
        }
        this.updatedAt = now;
    }

    private boolean isNewer(Long incoming) {
        if (incoming == null) {
            return this.version == null;
        }
        return this.version == null || incoming > this.version;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public boolean isDeleted() { return deleted; }
    public Long getVersion() { return version; }
}
