package ai.dify.delms.license.stats.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ai.dify.delms.license.license.LicenseStatus;
import ai.dify.delms.license.stats.internal.CountKeys.ExpiryDay;
import ai.dify.delms.license.stats.internal.CountKeys.StatusProduct;

/**
 * The dashboard's figures two ways: from the counters (a few rows) and recounted from {@code license}
 * (every row). Both in the same shape, so they can be compared and their difference repaired.
 */
@Component
class LicenseCounts {

    /** The counters' columns; the recount names its sums alike. */
    private static final String FIGURES = "licenses, overused, usage_workspaces, usage_users, authorized_workspaces, "
            + "authorized_users, reporting";
    private static final String COUNTED = "select status, product_type, " + FIGURES + " from license_count";
    private static final String RECOUNTED = """
            select status, product_type, count(*) as licenses, sum(overused) as overused,
                   coalesce(sum(usage_workspaces), 0) as usage_workspaces, coalesce(sum(usage_users), 0) as usage_users,
                   sum(authorized_workspaces) as authorized_workspaces, sum(authorized_users) as authorized_users,
                   sum(usage_reported_at is not null) as reporting
            from license group by status, product_type""";
    /** Recount minus counters, in one statement (one consistent view): the rows that drifted. */
    private static final String DRIFTED = "select status, product_type, "
            + "sum(licenses) as licenses, sum(overused) as overused, sum(usage_workspaces) as usage_workspaces, "
            + "sum(usage_users) as usage_users, sum(authorized_workspaces) as authorized_workspaces, "
            + "sum(authorized_users) as authorized_users, sum(reporting) as reporting from ("
            + RECOUNTED + " union all select status, product_type, -licenses, -overused, -usage_workspaces, "
            + "-usage_users, -authorized_workspaces, -authorized_users, -reporting from license_count) d "
            + "group by status, product_type";
    private static final String COUNTED_EXPIRING = "select expiry_date, status, licenses from license_expiry_count "
            + "where expiry_date between ? and ?";
    private static final String RECOUNTED_EXPIRING = "select expiry_date, status, count(*) as licenses from license "
            + "where expiry_date between ? and ? group by expiry_date, status";
    private static final String DRIFTED_EXPIRING = "select expiry_date, status, sum(licenses) as licenses from ("
            + "select expiry_date, status, count(*) as licenses from license where expiry_date is not null "
            + "group by expiry_date, status union all select expiry_date, status, -licenses from license_expiry_count"
            + ") d group by expiry_date, status having sum(licenses) <> 0";

    private final JdbcTemplate jdbc;

    LicenseCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The counters per status and product. */
    Map<StatusProduct, Figures> counted() {
        return figures(COUNTED);
    }

    /** The same, recounted from every license. */
    Map<StatusProduct, Figures> recounted() {
        return figures(RECOUNTED);
    }

    /** Licenses per expiry day and status, from {@code from} to {@code to}, from the counters. */
    Map<ExpiryDay, Long> countedExpiring(LocalDate from, LocalDate to) {
        return expiring(COUNTED_EXPIRING, from, to);
    }

    /** The same, recounted from every license. */
    Map<ExpiryDay, Long> recountedExpiring(LocalDate from, LocalDate to) {
        return expiring(RECOUNTED_EXPIRING, from, to);
    }

    /** What the counters lack (negative: have too much), compared with a recount in the same statement. */
    CountDeltas drift() {
        CountDeltas drift = new CountDeltas();
        figures(DRIFTED).forEach(drift::add);
        jdbc.query(DRIFTED_EXPIRING, row -> {
            drift.add(expiryDay(row), row.getLong("licenses"));
        });
        return drift;
    }

    private Map<StatusProduct, Figures> figures(String sql) {
        Map<StatusProduct, Figures> figures = new TreeMap<>();
        jdbc.query(sql, row -> {
            figures.merge(new StatusProduct(LicenseStatus.valueOf(row.getString("status")),
                    row.getString("product_type")), figures(row), Figures::plus);
        });
        return figures;
    }

    private Map<ExpiryDay, Long> expiring(String sql, LocalDate from, LocalDate to) {
        Map<ExpiryDay, Long> expiring = new TreeMap<>();
        jdbc.query(sql, row -> {
            expiring.merge(expiryDay(row), row.getLong("licenses"), Long::sum);
        }, Date.valueOf(from), Date.valueOf(to));
        return expiring;
    }

    private static Figures figures(ResultSet row) throws SQLException {
        return new Figures(row.getLong("licenses"), row.getLong("overused"), row.getLong("usage_workspaces"),
                row.getLong("usage_users"), row.getLong("authorized_workspaces"), row.getLong("authorized_users"),
                row.getLong("reporting"));
    }

    private static ExpiryDay expiryDay(ResultSet row) throws SQLException {
        return new ExpiryDay(row.getDate("expiry_date").toLocalDate(), LicenseStatus.valueOf(row.getString("status")));
    }
}
