package ai.dify.delms.license.inbound.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ai.dify.delms.license.license.LicenseService;
import ai.dify.delms.license.license.PurchaseFacts;
import ai.dify.delms.license.license.PurchaseType;
import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.events.inbound.EventRoutes;
import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;
import ai.dify.delms.platform.events.inbound.InboundEvent;

/**
 * Applies sales-service's {@code delms.purchase.recorded.v1} to the license: renewal, expansion,
 * upgrade (see {@code License#applyPurchase}). Once per event; an unknown license fails the record,
 * which the chassis retries and then dead-letters to {@code delms.sales.dlt}.
 */
@Component
public class PurchaseRecordedHandler {

    static final String TOPIC = DelmsTopics.SALES;
    static final String PURCHASE_RECORDED = "delms.purchase.recorded.v1";

    /** The part of the purchase this service needs (docs/asyncapi.yaml); other fields are ignored. */
    record PurchaseRecorded(UUID id, String licenseId, PurchaseType type, LocalDate purchaseDate, BigDecimal amount,
            String currency, LocalDate periodStart, LocalDate periodEnd, Integer workspacesAfter, Integer usersAfter,
            String productTypeAfter, String orderReference) {

        PurchaseRecorded {
            if (licenseId == null || type == null) {
                throw new IllegalArgumentException("purchase event without licenseId or type");
            }
        }
    }

    private final IdempotentEventHandler events;
    private final EventRoutes routes;

    PurchaseRecordedHandler(IdempotentEventHandler events, LicenseService licenses) {
        this.events = events;
        this.routes = EventRoutes.create().on(PURCHASE_RECORDED, PurchaseRecorded.class,
                (InboundEvent event, PurchaseRecorded p) -> licenses.applyPurchase(p.licenseId(),
                        new PurchaseFacts(p.id(), p.type(), p.purchaseDate(), p.amount(), p.currency(), p.periodStart(),
                                p.periodEnd(), p.workspacesAfter(), p.usersAfter(), p.productTypeAfter(),
                                p.orderReference()),
                        EventActors.of(event), event.time()));
    }

    @KafkaListener(topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record, routes);
    }
}
