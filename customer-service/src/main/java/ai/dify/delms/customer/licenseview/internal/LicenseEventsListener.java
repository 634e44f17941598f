package ai.dify.delms.customer.licenseview.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ai.dify.delms.customer.licenseview.CustomerLicenses;
import ai.dify.delms.customer.licenseview.internal.LicenseEvents.LicenseCreated;
import ai.dify.delms.customer.licenseview.internal.LicenseEvents.LicenseSnapshot;
import ai.dify.delms.platform.events.inbound.EventRoutes;
import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;
import ai.dify.delms.platform.events.inbound.MalformedEventException;

/** Consumes license-service's events ({@link LicenseEvents}) to know which customers have licenses. */
@Component
class LicenseEventsListener {

    private final IdempotentEventHandler events;
    private final EventRoutes routes;

    LicenseEventsListener(IdempotentEventHandler events, CustomerLicenses licenses) {
        this.events = events;
        this.routes = EventRoutes.create()
                .on(LicenseEvents.CREATED, LicenseCreated.class, created -> {
                    if (created.id() == null || created.customerId() == null) {
                        throw new MalformedEventException("license created event without id or customerId");
                    }
                    licenses.licenseCreated(created.id(), created.customerId());
                })
                // a license whose creation the topic no longer holds (docs/decisions.md, 18)
                .on(LicenseEvents.SNAPSHOT, LicenseSnapshot.class, snapshot -> {
                    if (snapshot.licenseId() == null || snapshot.license() == null
                            || snapshot.license().customerId() == null) {
                        throw new IllegalArgumentException("license snapshot event without licenseId or customerId");
                    }
                    licenses.licenseCreated(snapshot.licenseId(), snapshot.license().customerId());
                });
    }

    @KafkaListener(topics = LicenseEvents.TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record, routes);
    }
}
