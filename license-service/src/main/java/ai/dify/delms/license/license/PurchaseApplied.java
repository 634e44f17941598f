package ai.dify.delms.license.license;

import java.time.Instant;
import java.util.List;

/**
 * A purchase recorded by sales-service was applied to a license (in-process only: the license's own
 * changes go out as {@code delms.license.updated.v1} and {@code status-changed.v1}).
 *
 * @param recordedAt    when the purchase was recorded
 * @param appliedFields the license fields it changed, without the status (none for a late purchase)
 */
public record PurchaseApplied(String licenseId, PurchaseFacts purchase, Instant recordedAt,
        List<String> appliedFields, String actor) {
}
