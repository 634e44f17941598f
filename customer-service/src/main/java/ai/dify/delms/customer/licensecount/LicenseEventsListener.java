package ai.dify.delms.customer.licensecount;

import ai.dify.delms.platform.events.DelmsTopics;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ai.dify.delms.platform.events.inbound.EventRoutes;
import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;
import ai.dify.delms.platform.events.inbound.MalformedEventException;

/** Consumes license-service's events ({@value #TOPIC}) to know which customers have licenses. */
@Component
public class LicenseEventsListener {

    public static final String TOPIC = DelmsTopics.LICENSES;
    static final String LICENSE_CREATED = "delms.license.created.v1";

    /** The part of a created license this service needs; other fields are ignored. */
    record LicenseCreated(String id, UUID customerId) {
    }

    private final IdempotentEventHandler events;
    private final EventRoutes routes;

    LicenseEventsListener(IdempotentEventHandler events, CustomerLicenses licenses) {
        this.events = events;
        this.routes = EventRoutes.create()
                .on(LICENSE_CREATED, LicenseCreated.class, created -> {
                    if (created.id() == null || created.customerId() == null) {
                        throw new MalformedEventException("license created event without id or customerId");
                    }
                    licenses.licenseCreated(created.id(), created.customerId());
                });
    }

    @KafkaListener(topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record, routes);
    }
}
