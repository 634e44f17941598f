package ai.dify.delms.alert.licenseview;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The last {@code delms.alerts.read-model.usage-history-size} usage reports of each license, oldest
 * first; older ones are pruned as new ones arrive. A repeated report of the same moment replaces it.
 */
@Repository
public class UsageHistory {

    private static final RowMapper<UsagePoint> POINT = (rs, row) -> new UsagePoint(
            rs.getTimestamp("reported_at").toInstant(), rs.getInt("workspaces"), rs.getInt("users"));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final int size;

    UsageHistory(JdbcTemplate jdbc, @Value("${delms.alerts.read-model.usage-history-size:12}") int size) {
        if (size < 2) {
            throw new IllegalArgumentException("delms.alerts.read-model.usage-history-size must be at least 2");
        }
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.size = size;
    }

    void record(String licenseId, UsagePoint point) {
        jdbc.update("insert into usage_report (license_id, reported_at, workspaces, users) values (?, ?, ?, ?) "
                + "on duplicate key update workspaces = values(workspaces), users = values(users)",
                licenseId, Timestamp.from(point.reportedAt()), point.workspaces(), point.users());
        List<Timestamp> newest = jdbc.queryForList("select reported_at from usage_report where license_id = ? "
                + "order by reported_at desc limit ?", Timestamp.class, licenseId, size);
        if (newest.size() == size) {
            jdbc.update("delete from usage_report where license_id = ? and reported_at < ?", licenseId,
                    newest.get(size - 1));
        }
    }

    /** The license's kept reports, oldest first. */
    public List<UsagePoint> of(String licenseId) {
        return jdbc.query("select reported_at, workspaces, users from usage_report where license_id = ? "
                + "order by reported_at", POINT, licenseId);
    }

    /** The kept reports of several licenses (one query), oldest first; a license without reports is absent. */
    public Map<String, List<UsagePoint>> of(Collection<String> licenseIds) {
        Map<String, List<UsagePoint>> histories = new HashMap<>();
        if (licenseIds.isEmpty()) {
            return histories;
        }
        named.query("select license_id, reported_at, workspaces, users from usage_report "
                + "where license_id in (:ids) order by license_id, reported_at", Map.of("ids", licenseIds), rs -> {
                    histories.computeIfAbsent(rs.getString("license_id"), id -> new ArrayList<>())
                            .add(POINT.mapRow(rs, 0));
                });
        return histories;
    }

    void clear() {
        jdbc.update("delete from usage_report");
    }
}
