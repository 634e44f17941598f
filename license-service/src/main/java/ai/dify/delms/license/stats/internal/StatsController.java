package ai.dify.delms.license.stats.internal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/stats/licenses}: the license dashboard for staff. */
@RestController
@Tag(name = "Statistics")
public class StatsController {

    private final LicenseStatsQuery stats;

    StatsController(LicenseStatsQuery stats) {
        this.stats = stats;
    }

    @GetMapping("/api/v1/stats/licenses")
    @Operation(summary = "License dashboard",
            description = "Totals, active (CREATED, DEPLOYED, IN_USE, RENEWED) and inactive (EXPIRED, SUSPENDED, "
                    + "TERMINATED), counts by status (every status, zeros included) and by product type, active "
                    + "licenses expiring within 30/60/90 days (cumulative, from today), active overused licenses, "
                    + "and the sums of the latest usage and of the authorized limits of active licenses.")
    LicenseStats licenses() {
        return stats.compute();
    }
}
