package ai.dify.delms.sales.licenseview.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ai.dify.delms.platform.events.inbound.EventRoutes;
import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;
import ai.dify.delms.sales.licenseview.LicenseFeed;
import ai.dify.delms.sales.licenseview.internal.LicenseEvents.LicenseCreated;
import ai.dify.delms.sales.licenseview.internal.LicenseEvents.LicenseSnapshot;
import ai.dify.delms.sales.licenseview.internal.LicenseEvents.LicenseUpdated;

/**
 * Consumes license-service's events ({@link LicenseEvents}); each is handled at most once, poison
 * records are dead-lettered.
 */
@Component
class LicenseEventsListener {

    private final IdempotentEventHandler handler;
    private final EventRoutes routes;

    LicenseEventsListener(IdempotentEventHandler handler, LicenseFeed feed) {
        this.handler = handler;
        this.routes = EventRoutes.create()
                .on(LicenseEvents.CREATED, LicenseCreated.class, feed::licenseCreated)
                .on(LicenseEvents.UPDATED, LicenseUpdated.class, feed::licenseUpdated)
                .on(LicenseEvents.SNAPSHOT, LicenseSnapshot.class, feed::licenseSnapshot);
    }

    @KafkaListener(topics = LicenseEvents.TOPIC)
    void on(ConsumerRecord<String, String> record) {
        handler.handle(record, routes);
    }
}
