package ai.dify.delms.platform.events;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Sends every typed {@link DomainEvent} that a service raises with Spring's
 * {@code ApplicationEventPublisher} to its topic: it stores the event in the outbox in the
 * publisher's transaction ({@link DomainEvents#publish}), so the event commits with the change or
 * not at all, and a publish outside a transaction fails the operation. In-process listeners of the
 * same event (a change log, a timeline) run in that transaction too (docs/decisions.md, 30).
 */
public class DomainEventExternalizer {

    private final DomainEvents events;

    public DomainEventExternalizer(DomainEvents events) {
        this.events = events;
    }

    /** Runs first, so an event that cannot be stored fails the operation before anything else runs for it. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void externalize(DomainEvent event) {
        events.publish(event);
    }
}
