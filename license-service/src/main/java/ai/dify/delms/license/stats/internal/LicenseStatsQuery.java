package ai.dify.delms.license.stats.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.license.license.LicenseStatus;
import ai.dify.delms.platform.time.BusinessTimeZone;

/**
 * Computes the dashboard in one pass over {@code license}, grouped by status and product, and adds
 * the groups up here (a handful of rows).
 */
@Component
public class LicenseStatsQuery {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BusinessTimeZone businessTime;

    LicenseStatsQuery(JdbcTemplate jdbc, Clock clock, BusinessTimeZone businessTime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.businessTime = businessTime;
    }

    @Transactional(readOnly = true)
    LicenseStats compute() {
        LocalDate today = businessTime.today(clock);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (LicenseStatus status : LicenseStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        Map<String, Long> byProduct = new TreeMap<>();
        EnumSet<LicenseStatus> active = EnumSet.noneOf(LicenseStatus.class);
        for (LicenseStatus status : LicenseStatus.values()) {
            if (status.isActive()) {
                active.add(status);
            }
        }
        long[] sums = new long[11]; // total, active, e30, e60, e90, overused, ws, users, authWs, authUsers, reporting
        jdbc.query("""
                select status, product_type, count(*) as n,
                       sum(case when expiry_date between ? and ? then 1 else 0 end) as e30,
                       sum(case when expiry_date between ? and ? then 1 else 0 end) as e60,
                       sum(case when expiry_date between ? and ? then 1 else 0 end) as e90,
                       sum(case when overused then 1 else 0 end) as overused,
                       coalesce(sum(usage_workspaces), 0) as ws, coalesce(sum(usage_users), 0) as users,
                       sum(authorized_workspaces) as auth_ws, sum(authorized_users) as auth_users,
                       sum(case when usage_reported_at is not null then 1 else 0 end) as reporting
                from license group by status, product_type""", rs -> {
            String status = rs.getString("status");
            long n = rs.getLong("n");
            byStatus.merge(status, n, Long::sum);
            byProduct.merge(rs.getString("product_type"), n, Long::sum);
            sums[0] += n;
            if (active.contains(LicenseStatus.valueOf(status))) {
                sums[1] += n;
                sums[2] += rs.getLong("e30");
                sums[3] += rs.getLong("e60");
                sums[4] += rs.getLong("e90");
                sums[5] += rs.getLong("overused");
                sums[6] += rs.getLong("ws");
                sums[7] += rs.getLong("users");
                sums[8] += rs.getLong("auth_ws");
                sums[9] += rs.getLong("auth_users");
                sums[10] += rs.getLong("reporting");
            }
        }, Date.valueOf(today), Date.valueOf(today.plusDays(30)), Date.valueOf(today), Date.valueOf(today.plusDays(60)),
                Date.valueOf(today), Date.valueOf(today.plusDays(90)));
        return new LicenseStats(today, sums[0], sums[1], sums[0] - sums[1], byStatus, byProduct,
                new LicenseStats.Expiring(sums[2], sums[3], sums[4]), sums[5],
                new LicenseStats.Usage(sums[6], sums[7], sums[8], sums[9], sums[10]));
    }
}
