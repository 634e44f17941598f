package ai.dify.delms.license.stats.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.license.license.LicenseStatus;
import ai.dify.delms.license.stats.internal.CountKeys.ExpiryDay;
import ai.dify.delms.license.stats.internal.CountKeys.StatusProduct;
import ai.dify.delms.platform.time.BusinessTimeZone;

/**
 * The dashboard from the counters the writes keep (docs/decisions.md, 38): the rows per status and
 * product, and at most 91 days of expiry counts. {@link #recount()} computes the same from every
 * license, for checking the counters.
 */
@Component
public class LicenseStatsQuery {

    /** The longest "expiring within" window. */
    private static final int WINDOW_DAYS = 90;

    private final LicenseCounts counts;
    private final Clock clock;
    private final BusinessTimeZone businessTime;

    LicenseStatsQuery(LicenseCounts counts, Clock clock, BusinessTimeZone businessTime) {
        this.counts = counts;
        this.clock = clock;
        this.businessTime = businessTime;
    }

    @Transactional(readOnly = true)
    LicenseStats compute() {
        LocalDate today = businessTime.today(clock);
        return stats(today, counts.counted(), counts.countedExpiring(today, today.plusDays(WINDOW_DAYS)));
    }

    /** {@link #compute()} from every license instead of the counters: the figures they must equal. */
    @Transactional(readOnly = true)
    LicenseStats recount() {
        LocalDate today = businessTime.today(clock);
        return stats(today, counts.recounted(), counts.recountedExpiring(today, today.plusDays(WINDOW_DAYS)));
    }

    private static LicenseStats stats(LocalDate today, Map<StatusProduct, Figures> figures,
            Map<ExpiryDay, Long> expiring) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (LicenseStatus status : LicenseStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        Map<String, Long> byProduct = new TreeMap<>();
        Figures all = Figures.NONE;
        Figures active = Figures.NONE;
        for (Map.Entry<StatusProduct, Figures> row : figures.entrySet()) {
            Figures f = row.getValue();
            byStatus.merge(row.getKey().status().name(), f.licenses(), Long::sum);
            if (f.licenses() != 0) { // a product whose last license went elsewhere keeps a row of zeros
                byProduct.merge(row.getKey().productType(), f.licenses(), Long::sum);
            }
            all = all.plus(f);
            if (row.getKey().status().isActive()) {
                active = active.plus(f);
            }
        }
        long[] within = new long[3]; // 30, 60, 90 days; the rows are those from today to today + 90
        expiring.forEach((day, n) -> {
            long days = ChronoUnit.DAYS.between(today, day.expiryDate());
            for (int i = 0; i < within.length; i++) {
                if (day.status().isActive() && days <= 30L * (i + 1)) {
                    within[i] += n;
                }
            }
        });
        return new LicenseStats(today, all.licenses(), active.licenses(), all.licenses() - active.licenses(),
                byStatus, byProduct, new LicenseStats.Expiring(within[0], within[1], within[2]), active.overused(),
                new LicenseStats.Usage(active.usageWorkspaces(), active.usageUsers(), active.authorizedWorkspaces(),
                        active.authorizedUsers(), active.reporting()));
    }
}
