package ai.dify.delms.license.stats.internal;

import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The license dashboard. Active = CREATED, DEPLOYED, IN_USE or RENEWED (in force); inactive = EXPIRED,
 * SUSPENDED or TERMINATED. {@code expiring}, {@code overused} and {@code usage} count active licenses
 * only; expiring counts are cumulative (within 60 days includes within 30).
 */
public record LicenseStats(LocalDate asOf, long total, long active, long inactive, Map<String, Long> byStatus,
        Map<String, Long> byProductType, Expiring expiring, long overused, Usage usage) {

    /** Active licenses whose expiry date is from today to today + 30/60/90 days. */
    public record Expiring(long within30Days, long within60Days, long within90Days) {
    }

    /** Sums of the latest usage and of the authorized limits of active licenses; how many have reported. */
    @Schema(name = "UsageTotals") // not the license's own Usage: one name per schema in the API document
    public record Usage(long workspaces, long users, long authorizedWorkspaces, long authorizedUsers,
            long licensesReporting) {
    }
}
