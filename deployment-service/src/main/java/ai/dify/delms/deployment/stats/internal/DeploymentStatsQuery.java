package ai.dify.delms.deployment.stats.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.deployment.licenseview.LicenseViews;

/**
 * Computes deployment statistics for a period. Reads the deployments touching the period in one
 * query and counts in memory: a period holds at most a few thousand deployments.
 */
@Service
public class DeploymentStatsQuery {

    // instants are stored as UTC wall-clock datetime(6); the bounds are compared the same way
    private static final String DEPLOYMENTS_IN_PERIOD = """
            select d.engineer_id, e.name, d.license_id, d.status, d.scheduled_date, d.completed_at, d.failed_at
            from deployment d join engineer e on e.id = d.engineer_id
            where ((d.scheduled_date between ? and ?)
                or (d.status = 'COMPLETED' and d.completed_at >= ? and d.completed_at < ?)
                or (d.status = 'FAILED' and d.failed_at >= ? and d.failed_at < ?))
            """;

    private final JdbcTemplate jdbc;
    private final LicenseViews licenses;

    DeploymentStatsQuery(JdbcTemplate jdbc, LicenseViews licenses) {
        this.jdbc = jdbc;
        this.licenses = licenses;
    }

    @Transactional(readOnly = true)
    public DeploymentStats compute(LocalDate from, LocalDate to, UUID engineerId) {
        LocalDateTime start = from.atStartOfDay();
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        List<Object> args = new ArrayList<>(List.of(from, to, start, end, start, end));
        String sql = DEPLOYMENTS_IN_PERIOD;
        if (engineerId != null) {
            sql += " and d.engineer_id = ?";
            args.add(engineerId.toString());
        }
        List<Row> rows = jdbc.query(sql, (rs, n) -> new Row(UUID.fromString(rs.getString(1)), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                utc(rs.getObject(6, LocalDateTime.class)), utc(rs.getObject(7, LocalDateTime.class))), args.toArray());
        Set<String> completedLicenses = rows.stream().filter(r -> r.completedIn(from, to)).map(Row::licenseId)
                .collect(Collectors.toSet());
        Map<String, Instant> licenseCreated = licenses.createdAtOf(completedLicenses);

        Map<UUID, List<Row>> byEngineer = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(Row::engineerName).thenComparing(Row::engineerId))
                .forEach(r -> byEngineer.computeIfAbsent(r.engineerId(), id -> new ArrayList<>()).add(r));
        List<DeploymentStats.EngineerFigures> engineers = byEngineer.values().stream().map(list -> {
            DeploymentStats.Figures f = figures(list, from, to, licenseCreated);
            return new DeploymentStats.EngineerFigures(list.get(0).engineerId(), list.get(0).engineerName(),
                    f.scheduled(), f.completed(), f.failed(), f.medianDaysToDeployment(), f.onTimeRate());
        }).toList();
        return new DeploymentStats(from, to, engineerId, engineers, figures(rows, from, to, licenseCreated));
    }

    private static DeploymentStats.Figures figures(List<Row> rows, LocalDate from, LocalDate to,
            Map<String, Instant> licenseCreated) {
        long scheduled = rows.stream().filter(r -> !r.scheduledDate().isBefore(from) && !r.scheduledDate().isAfter(to))
                .count();
        List<Row> completed = rows.stream().filter(r -> r.completedIn(from, to)).toList();
        long failed = rows.stream().filter(r -> r.failedIn(from, to)).count();
        List<Long> days = completed.stream().filter(r -> licenseCreated.containsKey(r.licenseId()))
                .map(r -> ChronoUnit.DAYS.between(utcDate(licenseCreated.get(r.licenseId())), utcDate(r.completedAt())))
                .sorted().toList();
        long onTime = completed.stream().filter(r -> !utcDate(r.completedAt()).isAfter(r.scheduledDate())).count();
        Double onTimeRate = completed.isEmpty() ? null : (double) onTime / completed.size();
        return new DeploymentStats.Figures(scheduled, completed.size(), failed, median(days), onTimeRate);
    }

    static Double median(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private static Instant utc(LocalDateTime wallClock) {
        return wallClock == null ? null : wallClock.toInstant(ZoneOffset.UTC);
    }

    private static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Row(UUID engineerId, String engineerName, String licenseId, String status, LocalDate scheduledDate,
            Instant completedAt, Instant failedAt) {

        boolean completedIn(LocalDate from, LocalDate to) {
            return "COMPLETED".equals(status) && within(completedAt, from, to);
        }

        boolean failedIn(LocalDate from, LocalDate to) {
            return "FAILED".equals(status) && within(failedAt, from, to);
        }

        private static boolean within(Instant instant, LocalDate from, LocalDate to) {
            if (instant == null) {
                return false;
            }
            LocalDate date = utcDate(instant);
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }
}
