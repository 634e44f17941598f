package ai.dify.delms.sales.salesrep;

import ai.dify.delms.platform.events.DelmsTopics;
import java.util.UUID;

/** What the sales-rep feature publishes on {@value #TOPIC} (see EVENTS.md). */
public final class SalesRepEvents {

    public static final String TOPIC = DelmsTopics.SALES;
    public static final String CREATED = "delms.sales-rep.created.v1";
    public static final String UPDATED = "delms.sales-rep.updated.v1";
    /**
     * A rep that nothing referenced was removed; the payload is its last state as inactive, one
     * version on, so a reader that treats it like an update stops offering the rep.
     */
    public static final String DELETED = "delms.sales-rep.deleted.v1";

    private SalesRepEvents() {
    }

    /** Payload of every sales-rep event: the rep as the API shows it. */
    public record SalesRepData(UUID id, String name, String email, String region, boolean active, long version) {

        static SalesRepData of(SalesRep rep) {
            return new SalesRepData(rep.getId(), rep.getName(), rep.getEmail(), rep.getRegion(), rep.isActive(),
                    rep.getVersion());
        }

        static SalesRepData deleted(SalesRep rep) {
            return new SalesRepData(rep.getId(), rep.getName(), rep.getEmail(), rep.getRegion(), false,
                    rep.getVersion() + 1);
        }
    }
}
