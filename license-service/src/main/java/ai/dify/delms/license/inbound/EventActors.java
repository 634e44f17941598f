package ai.dify.delms.license.inbound;

import ai.dify.delms.platform.events.inbound.InboundEvent;

/** The actor the change log names for a change made by a consumed event: the publishing service. */
final class EventActors {

    private EventActors() {
    }

    /** {@code /delms/sales-service} → {@code sales-service}. */
    static String of(InboundEvent event) {
        String source = event.source();
        int slash = source.lastIndexOf('/');
        return slash >= 0 && slash < source.length() - 1 ? source.substring(slash + 1) : source;
    }
}
