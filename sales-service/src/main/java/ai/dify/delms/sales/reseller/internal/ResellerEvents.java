package ai.dify.delms.sales.reseller.internal;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.events.DomainEvent;
import ai.dify.delms.sales.reseller.Reseller;

/** What the reseller feature publishes on {@value #TOPIC}, keyed by reseller id (docs/asyncapi.yaml). */
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

    /**
     * A reseller event: topic, subject and key are the reseller's, the record knows its type, and
     * the payload is {@link #reseller()} written as the event's own fields.
     */
    public sealed interface ResellerEvent extends DomainEvent
            permits ResellerCreated, ResellerUpdated, ResellerDeleted {

        ResellerState reseller();

        @Override
        default String topic() {
            return TOPIC;
        }

        @Override
        default String subject() {
            return reseller().id().toString();
        }

        @Override
        default long version() {
            return reseller().version();
        }
    }

    /** The payload of every reseller event. */
    public record ResellerState(UUID id, String code, String name, String contactEmail, String region,
            ResellerTier tier, boolean active, long version) {

        static ResellerState of(Reseller r) {
            return new ResellerState(r.getId(), r.getCode(), r.getName(), r.getContactEmail(), r.getRegion(),
                    r.getTier(), r.isActive(), r.getVersion());
        }
    }

    /** {@value #CREATED}. */
    public record ResellerCreated(@JsonUnwrapped ResellerState reseller) implements ResellerEvent {

        public static ResellerCreated of(Reseller r) {
            return new ResellerCreated(ResellerState.of(r));
        }

        @Override
        public String type() {
            return CREATED;
        }
    }

    /** {@value #UPDATED} (also for a deactivation instead of a deletion). */
    public record ResellerUpdated(@JsonUnwrapped ResellerState reseller) implements ResellerEvent {

        public static ResellerUpdated of(Reseller r) {
            return new ResellerUpdated(ResellerState.of(r));
        }

        @Override
        public String type() {
            return UPDATED;
        }
    }

    /** {@value #DELETED}: the last state as inactive, one version on. */
    public record ResellerDeleted(@JsonUnwrapped ResellerState reseller) implements ResellerEvent {

        public static ResellerDeleted of(Reseller r) {
            return new ResellerDeleted(new ResellerState(r.getId(), r.getCode(), r.getName(), r.getContactEmail(),
                    r.getRegion(), r.getTier(), false, r.getVersion() + 1));
        }

        @Override
        public String type() {
            return DELETED;
        }
    }
}
