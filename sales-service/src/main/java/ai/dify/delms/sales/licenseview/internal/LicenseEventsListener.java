package ai.dify.delms.sales.licenseview;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ai.dify.delms.platform.events.inbound.EventRoutes;
import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;

/** Consumes license-service's events; each is handled at most once, poison records are dead-lettered. */
@Component
class LicenseEventsListener {

    private final IdempotentEventHandler handler;
    private final EventRoutes routes;

    LicenseEventsListener(IdempotentEventHandler handler, LicenseFeed feed) {
        this.handler = handler;
        this.routes = EventRoutes.create()
                .on(LicenseFeed.LICENSE_CREATED, LicenseCreated.class, feed::licenseCreated)
                .on(LicenseFeed.LICENSE_UPDATED, LicenseUpdated.class, feed::licenseUpdated)
                .on(LicenseFeed.LICENSE_SNAPSHOT, LicenseSnapshot.class, feed::licenseSnapshot);
    }

    @KafkaListener(topics = LicenseFeed.TOPIC)
    void on(ConsumerRecord<String, String> record) {
        handler.handle(record, routes);
    }
}
