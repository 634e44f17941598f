package ai.dify.delms.license.stats.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;

import ai.dify.delms.license.license.LatestUsage;
import ai.dify.delms.license.license.LicenseStatus;
import ai.dify.delms.license.stats.internal.CountKeys.ExpiryDay;
import ai.dify.delms.license.stats.internal.CountKeys.StatusProduct;

/** What the dashboard counts of one license, as its row in {@code license} says. */
record CountedLicense(String id, LicenseStatus status, String productType, LocalDate expiryDate,
        int authorizedWorkspaces, int authorizedUsers, LatestUsage usage) {

    /** The columns {@link #read} reads. */
    static final String COLUMNS = "id, status, product_type, expiry_date, authorized_workspaces, authorized_users, "
            + "usage_workspaces, usage_users, usage_reported_at";

    static CountedLicense read(ResultSet row) throws SQLException {
        Date expiry = row.getDate("expiry_date");
        Timestamp reportedAt = row.getTimestamp("usage_reported_at");
        return new CountedLicense(row.getString("id"), LicenseStatus.valueOf(row.getString("status")),
                row.getString("product_type"), expiry == null ? null : expiry.toLocalDate(),
                row.getInt("authorized_workspaces"), row.getInt("authorized_users"),
                reportedAt == null ? null : new LatestUsage(row.getInt("usage_workspaces"), row.getInt("usage_users"),
                        reportedAt.toInstant()));
    }

    StatusProduct key() {
        return new StatusProduct(status, productType);
    }

    /** Its day in {@code license_expiry_count}; null for a license that does not expire. */
    ExpiryDay expiryDay() {
        return expiryDate == null ? null : new ExpiryDay(expiryDate, status);
    }

    /** One license's figures; overuse by the same rule as the license's own ({@link LatestUsage#exceeds}). */
    Figures figures() {
        boolean reported = usage != null;
        boolean overused = reported && usage.exceeds(authorizedWorkspaces, authorizedUsers);
        return new Figures(1, overused ? 1 : 0, reported ? usage.workspaces() : 0, reported ? usage.users() : 0,
                authorizedWorkspaces, authorizedUsers, reported ? 1 : 0);
    }
}
