package ai.dify.delms.alert.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import ai.dify.delms.alert.TestClock;
import ai.dify.delms.alert.evaluation.internal.LicenseScan;
import ai.dify.delms.platform.test.DelmsServiceTest;

/**
 * The scans over many licenses (docs/decisions.md, 39), timed beside the plain SQL query that finds
 * the same licenses: the first incremental scan after the migration made every license due, the
 * evaluation of every license (the scan before), the full and the incremental scan with nothing
 * changed, and the incremental scan after 1,000 changes. The rows are inserted due, as the migration
 * leaves existing ones.
 * Opt-in: {@code -Ddelms.benchmark.licenses=1000000 -Dit.test=LicenseScanBenchmarkIT}; the figures go
 * to standard output and {@code target/scan-benchmark.txt}.
 */
@DelmsServiceTest
@Import(TestClock.Config.class)
@TestPropertySource(properties = {"delms.alerts.scan.enabled=false", "logging.level.ai.dify.delms.alert=WARN"})
@EnabledIfSystemProperty(named = "delms.benchmark.licenses", matches = "\\d+")
class LicenseScanBenchmarkIT {

    /** What the rules find, in one query (all but irregular usage, which needs the report history). */
    static final String PLAIN_SQL = """
            select count(*) from license_model
            where license_id like 'BEN-%' and status <> 'TERMINATED' and (
                   expiry_date <= ?                                   -- within 90 days or passed
                or status = 'EXPIRED'
                or usage_workspaces > authorized_workspaces or usage_users > authorized_users
                or (status in ('DEPLOYED', 'IN_USE', 'RENEWED')
                    and coalesce(usage_reported_at, status_changed_at, created_at) <= ?))""";

    private static final Instant NOW = Instant.parse("2034-06-01T06:00:00Z");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    LicenseScan scan;

    @Test
    void scanOfManyLicenses() throws IOException {
        int licenses = Integer.getInteger("delms.benchmark.licenses");
        clock.set(NOW);
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        long loading = System.nanoTime();
        insertLicenses(licenses, today);
        jdbc.execute("analyze table license_model");
        report("loaded %,d licenses in %s", licenses, since(loading));

        long plainSqlCount = 0;
        for (int run = 1; run <= 2; run++) {
            long sqlStarted = System.nanoTime();
            plainSqlCount = jdbc.queryForObject(PLAIN_SQL, Long.class, Date.valueOf(today.plusDays(90)),
                    Timestamp.from(NOW.minus(Duration.ofDays(30))));
            report("plain SQL (run %d) finds %,d licenses in %s", run, plainSqlCount, since(sqlStarted));
        }

        LicenseScan.ScanResult first = scan.scanDue();
        report("first incremental scan, every license due (as after the migration): %s", first);
        long withOpenAlerts = jdbc.queryForObject("select count(distinct license_id) from alert "
                + "where license_id like 'BEN-%' and status <> 'RESOLVED'", Long.class);
        report("licenses with open alerts after it: %,d", withOpenAlerts);

        clock.set(NOW.plus(Duration.ofHours(1)));
        LicenseScan.ScanResult everyLicense = scan.scanAll();
        report("every license evaluated (the scan before decision 39), nothing changed: %s", everyLicense);
        for (int run = 1; run <= 2; run++) {
            clock.advance(Duration.ofMinutes(10));
            report("full scan (run %d), nothing changed: %s", run, scan.scanFull());
        }
        for (int run = 1; run <= 2; run++) {
            clock.advance(Duration.ofMinutes(10));
            report("incremental scan (run %d), nothing changed: %s", run, scan.scanDue());
        }

        report("the incremental scan's query: %s", jdbc.queryForList("explain select license_id from license_model "
                + "where next_evaluation_at <= ? and license_id > '' order by license_id limit 500",
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));

        clock.advance(Duration.ofMinutes(10));
        changeWithoutEvaluation(1_000, 60);
        LicenseScan.ScanResult quietChanges = scan.scanDue();
        report("incremental scan, %,d licenses changed, no alert changes: %s", 1_000, quietChanges);
        clock.advance(Duration.ofMinutes(10));
        changeWithoutEvaluation(1_000, 150);
        LicenseScan.ScanResult overuse = scan.scanDue();
        report("incremental scan, %,d licenses changed, each now overusing: %s", 1_000, overuse);
        clock.advance(Duration.ofMinutes(10));
        report("full scan after them, nothing changed: %s", scan.scanFull());

        assertThat(first.licenses()).isGreaterThanOrEqualTo(licenses);
        assertThat(withOpenAlerts).isEqualTo(plainSqlCount);
        assertThat(everyLicense.raised() + everyLicense.resolved()).isZero();
        assertThat(quietChanges.licenses()).isEqualTo(1_000);
        assertThat(quietChanges.raised() + quietChanges.resolved()).isZero();
        assertThat(overuse.raised()).isEqualTo(1_000);
    }

    /**
     * Quiet licenses (expiring in over a year, reporting) get a new user count with no evaluation
     * following, as the read model marks a change: due now.
     */
    private void changeWithoutEvaluation(int count, int users) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        assertThat(jdbc.update("update license_model set usage_users = ?, updated_at = ?, next_evaluation_at = ? "
                + "where license_id like 'BEN-%' and license_id like '%5' and expiry_date > ? order by license_id limit ?",
                users, Timestamp.from(clock.instant()), now, Date.valueOf(LocalDate.ofInstant(NOW, ZoneOffset.UTC)
                        .plusDays(200)), count)).isEqualTo(count);
    }

    /** 0.1 % expire within 90 days, 0.1 % overuse users, 0.1 % silent for 40 days; the rest is quiet. */
    private void insertLicenses(int licenses, LocalDate today) {
        String digits = "(select 0 n union all select 1 union all select 2 union all select 3 union all select 4 "
                + "union all select 5 union all select 6 union all select 7 union all select 8 union all select 9)";
        String numbers = "select a.n + 10 * b.n + 100 * c.n + 1000 * d.n + 10000 * e.n + 100000 * f.n as n from "
                + digits + " a cross join " + digits + " b cross join " + digits + " c cross join " + digits + " d "
                + "cross join " + digits + " e cross join " + digits + " f";
        jdbc.update("insert into license_model (license_id, customer_id, reseller_id, license_type, status, expiry_date, "
                + "authorized_workspaces, authorized_users, usage_workspaces, usage_users, usage_reported_at, "
                + "status_changed_at, created_at, updated_at, next_evaluation_at) "
                + "select concat('BEN-203001-', lpad(n, 6, '0')), null, 'acme', 'SUBSCRIPTION', 'IN_USE', "
                + "case when n % 1000 = 0 then date_add(?, interval n % 90 day) else date_add(?, interval 400 + n % 1000 day) end, "
                + "10, 100, 5, case when n % 1000 = 1 then 150 else 50 end, "
                + "case when n % 1000 = 2 then ? else ? end, ?, ?, ?, ? "
                + "from (" + numbers + ") numbers where n < ?",
                Date.valueOf(today), Date.valueOf(today), Timestamp.from(NOW.minus(Duration.ofDays(40))),
                Timestamp.from(NOW.minus(Duration.ofDays(1))), Timestamp.from(NOW.minus(Duration.ofDays(100))),
                Timestamp.from(NOW.minus(Duration.ofDays(400))), Timestamp.from(NOW),
                LocalDateTime.ofInstant(NOW, ZoneOffset.UTC), licenses);
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static void report(String format, Object... args) throws IOException {
        String line = String.format(format, args);
        System.out.println("[scan-benchmark] " + line);
        Files.writeString(Path.of("target", "scan-benchmark.txt"), line + System.lineSeparator(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
