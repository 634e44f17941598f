package ai.dify.delms.license.customerview;

import ai.dify.delms.platform.events.DelmsTopics;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ai.dify.delms.platform.events.inbound.EventRoutes;
import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;

/** Consumes customer-service's events ({@value #TOPIC}) into the {@link KnownCustomers} read model. */
@Component
public class CustomerEventsListener {

    public static final String TOPIC = DelmsTopics.CUSTOMERS;
    static final String CREATED = "delms.customer.created.v1";
    static final String UPDATED = "delms.customer.updated.v1";
    static final String DELETED = "delms.customer.deleted.v1";

    /** The part of a customer event this service needs; other fields are ignored. {@code version} is absent in old events. */
    record CustomerData(UUID id, String name, UUID salesRepId, UUID resellerId, Long version) {

        CustomerData {
            if (id == null || name == null) {
                throw new IllegalArgumentException("customer event without id or name");
            }
        }
    }

    private final IdempotentEventHandler events;
    private final EventRoutes routes;

    CustomerEventsListener(IdempotentEventHandler events, KnownCustomers customers) {
        this.events = events;
        this.routes = EventRoutes.create()
                .on(CREATED, CustomerData.class,
                        c -> customers.described(c.id(), c.name(), c.salesRepId(), c.resellerId(), c.version()))
                .on(UPDATED, CustomerData.class,
                        c -> customers.described(c.id(), c.name(), c.salesRepId(), c.resellerId(), c.version()))
                .on(DELETED, CustomerData.class, c -> customers.deleted(c.id(), c.name(), c.version()));
    }

    @KafkaListener(topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record, routes);
    }
}
