package ai.dify.delms.deployment.licenseview.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ai.dify.delms.deployment.licenseview.LicenseEvents;
import ai.dify.delms.deployment.licenseview.LicenseViews;
import ai.dify.delms.platform.events.inbound.EventRoutes;
import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;

/** Consumes license-service's events; each is handled at most once, poison records are dead-lettered. */
@Component
class LicenseEventsListener {

    private final IdempotentEventHandler handler;
    private final EventRoutes routes;

    LicenseEventsListener(IdempotentEventHandler handler, LicenseViews views) {
        this.handler = handler;
        this.routes = EventRoutes.create()
                .on(LicenseEvents.CREATED, LicenseEvents.LicenseCreated.class, views::licenseCreated)
                .on(LicenseEvents.STATUS_CHANGED, LicenseEvents.StatusChanged.class, views::statusChanged)
                .on(LicenseEvents.UPDATED, LicenseEvents.LicenseUpdated.class, views::updated)
                .on(LicenseEvents.EXPIRED, LicenseEvents.Expired.class, views::expired)
                .on(LicenseEvents.SNAPSHOT, LicenseEvents.Snapshot.class, views::snapshot);
    }

    @KafkaListener(topics = LicenseEvents.TOPIC)
    void on(ConsumerRecord<String, String> record) {
        handler.handle(record, routes);
    }
}
