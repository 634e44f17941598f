package ai.dify.delms.sales.stats.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/stats/sales}: sales performance for a period; staff read. */
@RestController
@Tag(name = "Sales statistics")
class StatsController {

    private final SalesStatsQuery stats;

    StatsController(SalesStatsQuery stats) {
        this.stats = stats;
    }

    @GetMapping("/api/v1/stats/sales")
    @Operation(summary = "Sales performance for a period, per rep and per reseller, with totals",
            description = "from and to (inclusive, required). Purchases (purchaseDate in the period) give revenue "
                    + "per currency and counts per type, credited to the purchase's rep and reseller; newLicenses "
                    + "counts licenses created in the period; licensesDue counts licenses with an expiry date in "
                    + "the period (also one a renewal has since replaced), licensesRenewed those of them with a "
                    + "RENEWAL purchase ending after that date, renewalRate = renewed / due (null when none came "
                    + "due), all credited to the license's rep and reseller. salesRepId or resellerId (not both) "
                    + "restricts everything to one rep or reseller. A null salesRepId/resellerId row collects "
                    + "what has none (e.g. direct sales).")
    SalesStats sales(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID salesRepId, @RequestParam(required = false) UUID resellerId) {
        return stats.compute(from, to, salesRepId, resellerId);
    }
}
