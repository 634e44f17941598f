package ai.dify.delms.sales.reseller;

import java.util.UUID;

import ai.dify.delms.platform.events.DelmsTopics;

/** What the reseller feature publishes on {@value #TOPIC}, keyed by reseller id (EVENTS.md). */
public final class ResellerEvents {

    public static final String TOPIC = DelmsTopics.SALES;
    public static final String CREATED = "delms.reseller.created.v1";
    public static final String UPDATED = "delms.reseller.updated.v1";
    /**
     * A reseller that nothing referenced was removed; the payload is its last state as inactive,
     * one version on, so a reader that treats it like an update stops offering the reseller.
     */
    public static final String DELETED = "delms.reseller.deleted.v1";

    private ResellerEvents() {
    }

    /** Payload of every reseller event. */
    public record ResellerData(UUID id, String code, String name, String contactEmail, String region,
            ResellerTier tier, boolean active, long version) {

        static ResellerData of(Reseller r) {
            return new ResellerData(r.getId(), r.getCode(), r.getName(), r.getContactEmail(), r.getRegion(),
                    r.getTier(), r.isActive(), r.getVersion());
        }

        static ResellerData deleted(Reseller r) {
            return new ResellerData(r.getId(), r.getCode(), r.getName(), r.getContactEmail(), r.getRegion(),
                    r.getTier(), false, r.getVersion() + 1);
        }
    }
}
