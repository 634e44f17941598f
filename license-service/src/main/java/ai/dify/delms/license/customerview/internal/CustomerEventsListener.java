package ai.dify.delms.license.customerview.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.license.customerview.internal.CustomerEvents.CustomerState;
import ai.dify.delms.platform.events.inbound.EventRoutes;
import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;

/** Consumes customer-service's events ({@link CustomerEvents}) into the {@link KnownCustomers} read model. */
@Component
class CustomerEventsListener {

    private final IdempotentEventHandler events;
    private final EventRoutes routes;

    CustomerEventsListener(IdempotentEventHandler events, KnownCustomers customers) {
        this.events = events;
        this.routes = EventRoutes.create()
                .on(CustomerEvents.CREATED, CustomerState.class,
                        c -> customers.described(c.id(), c.name(), c.salesRepId(), c.resellerId(), c.version()))
                .on(CustomerEvents.UPDATED, CustomerState.class,
                        c -> customers.described(c.id(), c.name(), c.salesRepId(), c.resellerId(), c.version()))
                .on(CustomerEvents.DELETED, CustomerState.class, c -> customers.deleted(c.id(), c.name(), c.version()));
    }

    @KafkaListener(topics = CustomerEvents.TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record, routes);
    }
}
