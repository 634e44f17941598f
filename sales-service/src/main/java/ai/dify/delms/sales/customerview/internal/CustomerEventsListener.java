package ai.dify.delms.sales.customerview.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ai.dify.delms.platform.events.inbound.EventRoutes;
import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;
import ai.dify.delms.sales.customerview.internal.CustomerEvents.CustomerState;

/**
 * Consumes customer-service's events ({@link CustomerEvents}) to know which reps and resellers
 * customers still name.
 */
@Component
class CustomerEventsListener {

    private final IdempotentEventHandler handler;
    private final EventRoutes routes;

    CustomerEventsListener(IdempotentEventHandler handler, CustomerRefs refs) {
        this.handler = handler;
        this.routes = EventRoutes.create()
                .on(CustomerEvents.CREATED, CustomerState.class, refs::customerChanged)
                .on(CustomerEvents.UPDATED, CustomerState.class, refs::customerChanged)
                .on(CustomerEvents.DELETED, CustomerState.class, refs::customerDeleted);
    }

    @KafkaListener(topics = CustomerEvents.TOPIC)
    void on(ConsumerRecord<String, String> record) {
        handler.handle(record, routes);
    }
}
