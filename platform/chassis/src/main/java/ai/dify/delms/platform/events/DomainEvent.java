package ai.dify.delms.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An event as a typed record that knows where it goes: its topic, CloudEvents type, subject (the
 * aggregate id), Kafka key, and the version of its aggregate after the change. The record itself is
 * the payload ({@code data}); published with {@link DomainEvents#publish(DomainEvent)}. One record per
 * type, named for what happened; records of several types with one payload wrap the same state
 * record with {@code @JsonUnwrapped}, so the state is written as the event's own fields
 * (docs/decisions.md, 19).
 *
 * <p>{@link #version()} is part of every payload: consumers keep the version they applied last and
 * ignore older events, so a reordered or redelivered event cannot roll a read model back.
 */
public interface DomainEvent {

    @JsonIgnore
    String topic();

    @JsonIgnore
    String type();

    @JsonIgnore
    String subject();

    /** The Kafka key: the subject unless the event belongs with another aggregate's (the license's). */
    @JsonIgnore
    default String key() {
        return subject();
    }

    /** The aggregate's version after the change (written into the payload). */
    long version();
}
