package ai.dify.delms.deployment.engineer.internal;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import ai.dify.delms.deployment.engineer.Engineer;
import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.events.DomainEvent;

/** What the engineer feature publishes on {@value #TOPIC}, keyed by engineer id (docs/asyncapi.yaml). */
public final class EngineerEvents {

    public static final String TOPIC = DelmsTopics.DEPLOYMENTS;
    public static final String CREATED = "delms.engineer.created.v1";
    public static final String UPDATED = "delms.engineer.updated.v1";
    /** An engineer without deployments was removed; data is {@link EngineerDeleted}. */
    public static final String DELETED = "delms.engineer.deleted.v1";

    private EngineerEvents() {
    }

    /** An engineer event: topic, subject and key are the engineer's; the record knows its type. */
    public sealed interface EngineerEvent extends DomainEvent
            permits EngineerCreated, EngineerUpdated, EngineerDeleted {

        UUID id();

        @Override
        default String topic() {
            return TOPIC;
        }

        @Override
        default String subject() {
            return id().toString();
        }
    }

    /** The payload of {@value #CREATED} and {@value #UPDATED}: the engineer as the API shows it. */
    public record EngineerState(UUID id, String name, String email, String region, List<String> skills,
            boolean active, long version) {

        static EngineerState of(Engineer engineer) {
            return new EngineerState(engineer.getId(), engineer.getName(), engineer.getEmail(), engineer.getRegion(),
                    engineer.getSkills(), engineer.isActive(), engineer.getVersion());
        }
    }

    /** {@value #CREATED}: the engineer, written as the event's own fields. */
    public record EngineerCreated(@JsonUnwrapped EngineerState engineer) implements EngineerEvent {

        public static EngineerCreated of(Engineer engineer) {
            return new EngineerCreated(EngineerState.of(engineer));
        }

        @Override
        public UUID id() {
            return engineer.id();
        }

        @Override
        public long version() {
            return engineer.version();
        }

        @Override
        public String type() {
            return CREATED;
        }
    }

    /** {@value #UPDATED} (also for a deactivation instead of a deletion): the engineer, as its own fields. */
    public record EngineerUpdated(@JsonUnwrapped EngineerState engineer) implements EngineerEvent {

        public static EngineerUpdated of(Engineer engineer) {
            return new EngineerUpdated(EngineerState.of(engineer));
        }

        @Override
        public UUID id() {
            return engineer.id();
        }

        @Override
        public long version() {
            return engineer.version();
        }

        @Override
        public String type() {
            return UPDATED;
        }
    }

    /** {@value #DELETED}: the engineer's version one on from its last state (newer than any event before). */
    public record EngineerDeleted(UUID id, String name, long version) implements EngineerEvent {

        public static EngineerDeleted of(Engineer engineer) {
            return new EngineerDeleted(engineer.getId(), engineer.getName(), engineer.getVersion() + 1);
        }

        @Override
        public String type() {
            return DELETED;
        }
    }
}
