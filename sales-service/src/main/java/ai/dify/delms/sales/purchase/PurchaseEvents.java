package ai.dify.delms.sales.purchase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import ai.dify.delms.platform.events.DelmsTopics;

/** What the purchase feature publishes on {@value #TOPIC}, keyed by license id (EVENTS.md). */
public final class PurchaseEvents {

    public static final String TOPIC = DelmsTopics.SALES;
    public static final String RECORDED = "delms.purchase.recorded.v1";

    private PurchaseEvents() {
    }

    /**
     * Payload of {@value #RECORDED}: the purchase; null "after" fields keep the license's value.
     * {@code version} is the purchase's: a purchase is never changed once recorded, so it is always
     * {@value #VERSION}.
     */
    public record PurchaseRecorded(UUID id, String licenseId, PurchaseType type, LocalDate purchaseDate,
            BigDecimal amount, String currency, LocalDate periodStart, LocalDate periodEnd, Integer workspacesAfter,
            Integer usersAfter, String productTypeAfter, UUID salesRepId, UUID resellerId, String orderReference,
            String recordedBy, long version) {

        static final long VERSION = 0;

        static PurchaseRecorded of(Purchase p) {
            return new PurchaseRecorded(p.getId(), p.getLicenseId(), p.getType(), p.getPurchaseDate(), p.getAmount(),
                    p.getCurrency(), p.getPeriodStart(), p.getPeriodEnd(), p.getWorkspacesAfter(), p.getUsersAfter(),
                    p.getProductTypeAfter(), p.getSalesRepId(), p.getResellerId(), p.getOrderReference(),
                    p.getCreatedBy(), VERSION);
        }
    }
}
