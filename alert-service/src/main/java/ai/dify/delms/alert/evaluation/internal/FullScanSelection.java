package ai.dify.delms.alert.evaluation.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.rules.AlertRulesProperties;
import ai.dify.delms.platform.time.BusinessTimeZone;

/**
 * The licenses the full scan evaluates (docs/decisions.md, 39): those due (their next evaluation time
 * has come) and those whose open alerts differ from what the rules would find now, set-based in two
 * queries: one pass over {@code license_model} that says, per license, what the expiry, overuse and
 * inactivity rules find (the same conditions as the rules, in SQL, with the same settings), and the
 * open alerts with their license's status. Irregular usage depends on the reports alone, which only
 * events change (and evaluate at once): an open IRREGULAR_USAGE alert is left to them, unless its
 * license is terminated. The rules in Java still decide: a license selected here is evaluated as
 * any other, so a selection wider than needed costs time, never a wrong alert.
 */
@Repository
class FullScanSelection {

    /** The alert types the SQL below judges; any other is decided by events (and resolved on termination). */
    static final Set<AlertType> JUDGED = EnumSet.of(AlertType.EXPIRING_90, AlertType.EXPIRING_60,
            AlertType.EXPIRING_30, AlertType.EXPIRED, AlertType.OVERUSE_WORKSPACES, AlertType.OVERUSE_USERS,
            AlertType.INACTIVE);

    private static final String NOT_TERMINATED = "(status is null or status <> 'TERMINATED')";

    private static final String FOUND = """
            select license_id, expiry_type, overuse_workspaces, overuse_users, inactive, due from (
                select license_id,
                       case when not %1$s then null
                            when status = 'EXPIRED' or expiry_date < :today then 'EXPIRED'
                            when expiry_date <= :final_notice then 'EXPIRING_30'
                            when expiry_date <= :second_notice then 'EXPIRING_60'
                            when expiry_date <= :first_notice then 'EXPIRING_90' end as expiry_type,
                       coalesce(%1$s and usage_workspaces * 100 > authorized_workspaces * :limit_percent, false)
                           as overuse_workspaces,
                       coalesce(%1$s and usage_users * 100 > authorized_users * :limit_percent, false)
                           as overuse_users,
                       coalesce(status in (:inactive_statuses)
                           and coalesce(usage_reported_at, status_changed_at, created_at) <= :silent_since, false)
                           as inactive,
                       coalesce(next_evaluation_at <= :now, false) as due
                from license_model) found
            where expiry_type is not null or overuse_workspaces or overuse_users or inactive or due"""
            .formatted(NOT_TERMINATED);

    private static final String OPEN = """
            select a.license_id, a.type, coalesce(m.status = 'TERMINATED', false) as license_terminated
            from alert a left join license_model m on m.license_id = a.license_id
            where a.status in ('OPEN', 'ACKNOWLEDGED')""";

    private final NamedParameterJdbcTemplate jdbc;
    private final AlertRulesProperties rules;
    private final BusinessTimeZone businessTime;

    FullScanSelection(JdbcTemplate jdbc, AlertRulesProperties rules, BusinessTimeZone businessTime) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.rules = rules;
        this.businessTime = businessTime;
    }

    /** The ids of the licenses to evaluate at {@code now}, in id order. */
    SortedSet<String> licensesToEvaluate(Instant now) {
        SortedSet<String> selected = new TreeSet<>();
        Map<String, Set<AlertType>> found = new HashMap<>();
        jdbc.query(FOUND, parameters(now), rs -> {
            String licenseId = rs.getString("license_id");
            if (rs.getBoolean("due")) {
                selected.add(licenseId);
            }
            Set<AlertType> types = EnumSet.noneOf(AlertType.class);
            String expiryType = rs.getString("expiry_type");
            if (expiryType != null) {
                types.add(AlertType.valueOf(expiryType));
            }
            addIf(rs.getBoolean("overuse_workspaces"), AlertType.OVERUSE_WORKSPACES, types);
            addIf(rs.getBoolean("overuse_users"), AlertType.OVERUSE_USERS, types);
            addIf(rs.getBoolean("inactive"), AlertType.INACTIVE, types);
            found.put(licenseId, types);
        });
        Map<String, Set<AlertType>> open = new HashMap<>();
        Set<String> terminatedWithOpenAlerts = new HashSet<>();
        jdbc.query(OPEN, rs -> {
            String licenseId = rs.getString("license_id");
            open.computeIfAbsent(licenseId, id -> EnumSet.noneOf(AlertType.class))
                    .add(AlertType.valueOf(rs.getString("type")));
            if (rs.getBoolean("license_terminated")) {
                terminatedWithOpenAlerts.add(licenseId);
            }
        });
        selected.addAll(terminatedWithOpenAlerts);
        for (String licenseId : union(found.keySet(), open.keySet())) {
            Set<AlertType> judgedOpen = EnumSet.noneOf(AlertType.class);
            judgedOpen.addAll(open.getOrDefault(licenseId, Set.of()));
            judgedOpen.retainAll(JUDGED);
            if (!judgedOpen.equals(found.getOrDefault(licenseId, Set.of()))) {
                selected.add(licenseId);
            }
        }
        return selected;
    }

    private MapSqlParameterSource parameters(Instant now) {
        LocalDate today = businessTime.dateOf(now);
        AlertRulesProperties.Expiry expiry = rules.expiry();
        return new MapSqlParameterSource()
                .addValue("today", Date.valueOf(today))
                .addValue("final_notice", Date.valueOf(today.plusDays(expiry.finalNoticeDays())))
                .addValue("second_notice", Date.valueOf(today.plusDays(expiry.secondNoticeDays())))
                .addValue("first_notice", Date.valueOf(today.plusDays(expiry.firstNoticeDays())))
                .addValue("limit_percent", BigDecimal.valueOf(100).add(BigDecimal.valueOf(rules.overuse().tolerancePercent())))
                .addValue("inactive_statuses", rules.inactivity().statuses())
                .addValue("silent_since", Timestamp.from(now.minus(Duration.ofDays(rules.inactivity().afterDays()))))
                // a UTC datetime column, written by Hibernate in UTC (hibernate.jdbc.time_zone)
                .addValue("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC));
    }

    private static void addIf(boolean holds, AlertType type, Set<AlertType> types) {
        if (holds) {
            types.add(type);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
