package ai.dify.delms.license.inbound.internal;

import ai.dify.delms.platform.events.EventActor;
import ai.dify.delms.platform.events.inbound.InboundEvent;

/**
 * The actor the change log names for a change made by a consumed event: the person behind the
 * event (its envelope's actor, e.g. the user who recorded the purchase), else the publishing service.
 */
public final class EventActors {

    private EventActors() {
    }

    /** {@code bob}; or, for an event that names nobody, {@code /delms/sales-service} gives {@code sales-service}. */
    static String of(InboundEvent event) {
        return event.actor().map(EventActor::name).orElse(event.sourceService());
    }
}
