package ai.dify.delms.platform.events;

import java.util.Optional;
import java.util.function.Supplier;

import ai.dify.delms.platform.security.CurrentActor;

/**
 * What causes the change being made on this thread: the caller of the current request, or the
 * consumed event being applied (its actor and what it is about). {@link DomainEvents} stamps the
 * actor on every event it publishes, so the person behind a purchase is still named on the
 * license events its application publishes; change logs read it here instead of through every call.
 */
public final class Causation {

    private static final ThreadLocal<ConsumedEvent> CONSUMING = new ThreadLocal<>();

    private Causation() {
    }

    /**
     * A consumed event as a cause.
     *
     * @param actor  the person behind it, if its envelope names one
     * @param source the publishing service ({@code sales-service})
     * @param via    what it is about, for people ({@code purchase 6f1c...})
     */
    public record ConsumedEvent(EventActor actor, String source, String via) {
    }

    /** The actor of the current request, else of the consumed event being applied, else none (a job). */
    public static Optional<EventActor> actor() {
        Optional<CurrentActor> caller = CurrentActor.current();
        if (caller.isPresent()) {
            CurrentActor c = caller.get();
            return Optional.ofNullable(EventActor.ofNullable(c.subject(), c.username(), c.clientId()));
        }
        return consumedEvent().map(ConsumedEvent::actor);
    }

    /** The consumed event being applied on this thread, if any. */
    public static Optional<ConsumedEvent> consumedEvent() {
        return Optional.ofNullable(CONSUMING.get());
    }

    /** Runs {@code work} as caused by {@code event} (the chassis's consumer does this for every handler). */
    public static <T> T whileConsuming(ConsumedEvent event, Supplier<T> work) {
        ConsumedEvent outer = CONSUMING.get();
        CONSUMING.set(event);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CONSUMING.remove();
            } else {
                CONSUMING.set(outer);
            }
        }
    }
}
