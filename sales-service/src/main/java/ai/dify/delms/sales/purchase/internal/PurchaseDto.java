package ai.dify.delms.sales.purchase.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import ai.dify.delms.sales.purchase.PurchaseType;

/** A purchase as the API shows it. */
public record PurchaseDto(UUID id, String licenseId, PurchaseType type, LocalDate purchaseDate, BigDecimal amount,
        String currency, LocalDate periodStart, LocalDate periodEnd, Integer workspacesAfter, Integer usersAfter,
        String productTypeAfter, UUID salesRepId, UUID resellerId, String orderReference, String notes,
        Instant createdAt, String createdBy) {

    static PurchaseDto of(Purchase p) {
        return new PurchaseDto(p.getId(), p.getLicenseId(), p.getType(), p.getPurchaseDate(), p.getAmount(),
                p.getCurrency(), p.getPeriodStart(), p.getPeriodEnd(), p.getWorkspacesAfter(), p.getUsersAfter(),
                p.getProductTypeAfter(), p.getSalesRepId(), p.getResellerId(), p.getOrderReference(), p.getNotes(),
                p.getCreatedAt(), p.getCreatedBy());
    }
}
