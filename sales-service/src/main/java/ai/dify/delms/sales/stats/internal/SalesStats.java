package ai.dify.delms.sales.stats.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v1/stats/sales}: the period, the filter, totals, and the figures per rep and
 * per reseller that had any activity in the period.
 */
public record SalesStats(LocalDate from, LocalDate to, UUID salesRepId, UUID resellerId, SalesFigures totals,
        List<RepFigures> bySalesRep, List<ResellerFigures> byReseller) {

    /** One rep's figures; {@code salesRepId} null collects what no rep is credited with. */
    public record RepFigures(UUID salesRepId, String name, SalesFigures figures) {
    }

    /** One reseller's figures; {@code resellerId} null collects direct sales. */
    public record ResellerFigures(UUID resellerId, String code, String name, SalesFigures figures) {
    }
}
