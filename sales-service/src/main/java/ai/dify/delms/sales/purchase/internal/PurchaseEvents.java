package ai.dify.delms.sales.purchase.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.events.DomainEvent;
import ai.dify.delms.sales.purchase.PurchaseType;

/**
 * What the purchase feature publishes on {@value #TOPIC}, keyed by license id so that a license's
 * purchases go to its partition (docs/asyncapi.yaml).
 */
public final class PurchaseEvents {

    public static final String TOPIC = DelmsTopics.SALES;
    public static final String RECORDED = "delms.purchase.recorded.v1";

    private PurchaseEvents() {
    }

    /**
     * {@value #RECORDED}: the purchase; null "after" fields keep the license's value. Subject is the
     * purchase's id, key its license's. {@code version} is the purchase's: a purchase is never
     * changed once recorded, so it is always {@value #VERSION}. The purchase type is the payload's
     * {@code type}; {@link #type()} is the event's.
     */
    public record PurchaseRecorded(UUID id, String licenseId, @JsonProperty("type") PurchaseType purchaseType,
            LocalDate purchaseDate, BigDecimal amount, String currency, LocalDate periodStart, LocalDate periodEnd,
            Integer workspacesAfter, Integer usersAfter, String productTypeAfter, UUID salesRepId, UUID resellerId,
            String orderReference, String recordedBy, long version) implements DomainEvent {

        static final long VERSION = 0;

        static PurchaseRecorded of(Purchase p) {
            return new PurchaseRecorded(p.getId(), p.getLicenseId(), p.getType(), p.getPurchaseDate(), p.getAmount(),
                    p.getCurrency(), p.getPeriodStart(), p.getPeriodEnd(), p.getWorkspacesAfter(), p.getUsersAfter(),
                    p.getProductTypeAfter(), p.getSalesRepId(), p.getResellerId(), p.getOrderReference(),
                    p.getCreatedBy(), VERSION);
        }

        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public String type() {
            return RECORDED;
        }

        @Override
        public String subject() {
            return id.toString();
        }

        @Override
        public String key() {
            return licenseId;
        }
    }
}
