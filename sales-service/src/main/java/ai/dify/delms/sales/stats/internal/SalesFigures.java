package ai.dify.delms.sales.stats.internal;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import ai.dify.delms.sales.purchase.PurchaseType;

/**
 * The figures of one rep, one reseller or everyone for a period: revenue per currency, purchases
 * per type, licenses created, licenses that came due and how many of those were renewed.
 */
public record SalesFigures(Map<String, BigDecimal> revenue, Map<PurchaseType, Long> purchases, long purchaseCount,
        long newLicenses, long licensesDue, long licensesRenewed, Double renewalRate) {

    /** Accumulates figures from the grouped rows of the queries. */
    static final class Builder {

        private final Map<String, BigDecimal> revenue = new TreeMap<>();
        private final Map<PurchaseType, Long> purchases = new EnumMap<>(PurchaseType.class);
        private long newLicenses;
        private long due;
        private long renewed;

        Builder() {
            for (PurchaseType type : PurchaseType.values()) {
                purchases.put(type, 0L);
            }
        }

        void addPurchases(PurchaseType type, String currency, long count, BigDecimal amount) {
            purchases.merge(type, count, Long::sum);
            revenue.merge(currency, amount, BigDecimal::add);
        }

        void addNewLicenses(long count) {
            newLicenses += count;
        }

        void addDue(long dueCount, long renewedCount) {
            due += dueCount;
            renewed += renewedCount;
        }

        SalesFigures build() {
            long count = purchases.values().stream().mapToLong(Long::longValue).sum();
            Double rate = due == 0 ? null : Math.round(renewed * 10_000.0 / due) / 10_000.0;
            return new SalesFigures(Map.copyOf(revenue), Map.copyOf(purchases), count, newLicenses, due, renewed,
                    rate);
        }
    }
}
