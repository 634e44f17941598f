package ai.dify.delms.license.license;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A purchase recorded by sales-service, as far as it concerns the license: the new expiry
 * ({@code periodEnd}), the limits after it (null keeps them) and, for an upgrade, the new product.
 */
public record PurchaseFacts(UUID id, PurchaseType type, LocalDate purchaseDate, BigDecimal amount, String currency,
        LocalDate periodStart, LocalDate periodEnd, Integer workspacesAfter, Integer usersAfter,
        String productTypeAfter, String orderReference) {
}
