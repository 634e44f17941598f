package ai.dify.delms.customer.licenseview;

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
    static final String LICENSE_SNAPSHOT = "delms.license.snapshot.v1";

    /** The part of a created license this service needs; other fields are ignored. */
    record LicenseCreated(String id, UUID customerId) {
    }

    /** The part of a license snapshot (the license as it is now, re-published) this service needs. */
    record LicenseSnapshot(String licenseId, License license) {

        record License(UUID customerId) {
        }
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
                })
                // a license whose creation the topic no longer holds (docs/decisions.md, 18)
                .on(LICENSE_SNAPSHOT, LicenseSnapshot.class, snapshot -> {
                    if (snapshot.licenseId() == null || snapshot.license() == null
                            || snapshot.license().customerId() == null) {
                        throw new IllegalArgumentException("license snapshot event without licenseId or customerId");
                    }
                    licenses.licenseCreated(snapshot.licenseId(), snapshot.license().customerId());
                });
    }

    @KafkaListener(topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record, routes);
    }
}
