package ai.dify.delms.sales.salesrep.internal;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.events.DomainEvent;
import ai.dify.delms.sales.salesrep.SalesRep;

/** What the sales-rep feature publishes on {@value #TOPIC}, keyed by rep id (docs/asyncapi.yaml). */
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

    /**
     * A sales-rep event: topic, subject and key are the rep's, the record knows its type, and the
     * payload is {@link #rep()} written as the event's own fields.
     */
    public sealed interface SalesRepEvent extends DomainEvent
            permits SalesRepCreated, SalesRepUpdated, SalesRepDeleted {

        SalesRepState rep();

        @Override
        default String topic() {
            return TOPIC;
        }

        @Override
        default String subject() {
            return rep().id().toString();
        }

        @Override
        default long version() {
            return rep().version();
        }
    }

    /** The payload of every sales-rep event: the rep as the API shows it. */
    public record SalesRepState(UUID id, String name, String email, String region, boolean active, long version) {

        static SalesRepState of(SalesRep rep) {
            return new SalesRepState(rep.getId(), rep.getName(), rep.getEmail(), rep.getRegion(), rep.isActive(),
                    rep.getVersion());
        }
    }

    /** {@value #CREATED}. */
    public record SalesRepCreated(@JsonUnwrapped SalesRepState rep) implements SalesRepEvent {

        public static SalesRepCreated of(SalesRep rep) {
            return new SalesRepCreated(SalesRepState.of(rep));
        }

        @Override
        public String type() {
            return CREATED;
        }
    }

    /** {@value #UPDATED} (also for a deactivation instead of a deletion). */
    public record SalesRepUpdated(@JsonUnwrapped SalesRepState rep) implements SalesRepEvent {

        public static SalesRepUpdated of(SalesRep rep) {
            return new SalesRepUpdated(SalesRepState.of(rep));
        }

        @Override
        public String type() {
            return UPDATED;
        }
    }

    /** {@value #DELETED}: the last state as inactive, one version on. */
    public record SalesRepDeleted(@JsonUnwrapped SalesRepState rep) implements SalesRepEvent {

        public static SalesRepDeleted of(SalesRep rep) {
            return new SalesRepDeleted(new SalesRepState(rep.getId(), rep.getName(), rep.getEmail(), rep.getRegion(),
                    false, rep.getVersion() + 1));
        }

        @Override
        public String type() {
            return DELETED;
        }
    }
}
