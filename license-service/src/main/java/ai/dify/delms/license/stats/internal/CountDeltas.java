package ai.dify.delms.license.stats.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import ai.dify.delms.license.stats.internal.CountKeys.ExpiryDay;
import ai.dify.delms.license.stats.internal.CountKeys.StatusProduct;

/**
 * Changes to the counters, summed per row, applied as atomic increments ({@code on duplicate key
 * update n = n + ?}): concurrent writers add to a row one after the other and never overwrite each
 * other's figures. Rows are written in primary-key order, so two transactions lock the rows they share
 * in the same order and cannot deadlock on them.
 */
final class CountDeltas {

    private static final String ADD_FIGURES = """
            insert into license_count (status, product_type, licenses, overused, usage_workspaces, usage_users,
                authorized_workspaces, authorized_users, reporting) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on duplicate key update licenses = licenses + ?, overused = overused + ?,
                usage_workspaces = usage_workspaces + ?, usage_users = usage_users + ?,
                authorized_workspaces = authorized_workspaces + ?, authorized_users = authorized_users + ?,
                reporting = reporting + ?""";
    private static final String ADD_EXPIRING = """
            insert into license_expiry_count (expiry_date, status, licenses) values (?, ?, ?)
            on duplicate key update licenses = licenses + ?""";

    private final Map<StatusProduct, Figures> figures = new TreeMap<>();
    private final Map<ExpiryDay, Long> expiring = new TreeMap<>();

    /** A license that is counted from now on ({@code sign} 1) or no longer ({@code sign} -1). */
    void count(CountedLicense license, int sign) {
        Figures one = license.figures();
        add(license.key(), sign > 0 ? one : one.negated());
        if (license.expiryDay() != null) {
            add(license.expiryDay(), sign);
        }
    }

    void add(StatusProduct key, Figures delta) {
        figures.merge(key, delta, Figures::plus);
    }

    void add(ExpiryDay key, long delta) {
        expiring.merge(key, delta, Long::sum);
    }

    /** How many counter rows change. */
    int rows() {
        return (int) (figures.values().stream().filter(f -> !f.isZero()).count()
                + expiring.values().stream().filter(n -> n != 0).count());
    }

    void applyTo(Connection connection) throws SQLException {
        try (PreparedStatement add = connection.prepareStatement(ADD_FIGURES)) {
            for (Map.Entry<StatusProduct, Figures> row : figures.entrySet()) {
                Figures f = row.getValue();
                if (f.isZero()) {
                    continue;
                }
                add.setString(1, row.getKey().status().name());
                add.setString(2, row.getKey().productType());
                long[] values = {f.licenses(), f.overused(), f.usageWorkspaces(), f.usageUsers(),
                        f.authorizedWorkspaces(), f.authorizedUsers(), f.reporting()};
                for (int i = 0; i < values.length; i++) {
                    add.setLong(3 + i, values[i]);
                    add.setLong(3 + values.length + i, values[i]);
                }
                add.addBatch();
            }
            add.executeBatch();
        }
        try (PreparedStatement add = connection.prepareStatement(ADD_EXPIRING)) {
            for (Map.Entry<ExpiryDay, Long> row : expiring.entrySet()) {
                if (row.getValue() == 0) {
                    continue;
                }
                add.setDate(1, Date.valueOf(row.getKey().expiryDate()));
                add.setString(2, row.getKey().status().name());
                add.setLong(3, row.getValue());
                add.setLong(4, row.getValue());
                add.addBatch();
            }
            add.executeBatch();
        }
    }
}
