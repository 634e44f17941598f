package ai.dify.delms.sales.customerview;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.events.inbound.EventRoutes;
import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;

/** Consumes customer-service's events to know which reps and resellers customers still name. */
@Component
class CustomerEventsListener {

    static final String CREATED = "delms.customer.created.v1";
    static final String UPDATED = "delms.customer.updated.v1";
    static final String DELETED = "delms.customer.deleted.v1";

    private final IdempotentEventHandler handler;
    private final EventRoutes routes;

    CustomerEventsListener(IdempotentEventHandler handler, CustomerRefs refs) {
        this.handler = handler;
        this.routes = EventRoutes.create()
                .on(CREATED, CustomerRefs.CustomerChanged.class, refs::customerChanged)
                .on(UPDATED, CustomerRefs.CustomerChanged.class, refs::customerChanged)
                .on(DELETED, CustomerRefs.CustomerChanged.class, refs::customerDeleted);
    }

    @KafkaListener(topics = DelmsTopics.CUSTOMERS)
    void on(ConsumerRecord<String, String> record) {
        handler.handle(record, routes);
    }
}
