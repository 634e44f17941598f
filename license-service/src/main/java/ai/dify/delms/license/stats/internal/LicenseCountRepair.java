package ai.dify.delms.license.stats.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recounts the dashboard from every license and adds what the counters lack. The counters drift only
 * when licenses are written around the service (by hand in the database, a restore, a migration while
 * old instances still write); the seed script keeps them itself. Nothing is locked but one row of
 * {@code license_count_recount}: the drift is measured in one statement (one consistent view of the
 * licenses and the counters) and added as increments, so writes committed meanwhile keep theirs, and
 * instances running it at the same time take turns instead of repairing twice.
 * {@code delms.license.stats.recount-cron} sets when it runs ({@code -} switches it off).
 */
@Component
public class LicenseCountRepair {

    private static final Logger log = LoggerFactory.getLogger(LicenseCountRepair.class);

    private final LicenseCounts counts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    LicenseCountRepair(LicenseCounts counts, JdbcTemplate jdbc, Clock clock) {
        this.counts = counts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${delms.license.stats.recount-cron:0 17 * * * *}")
    void run() {
        int repaired = repair();
        if (repaired > 0) {
            log.warn("Repaired {} dashboard counter rows that differed from a recount of the licenses", repaired);
        }
    }

    /**
     * Makes the counters equal a recount; returns how many counter rows it changed (0 when none drifted).
     * Read committed: the drift statement sees what was committed once the previous repair let go.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int repair() {
        jdbc.queryForObject("select id from license_count_recount where id = 1 for update", Integer.class);
        CountDeltas drift = counts.drift();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            drift.applyTo(connection);
            return null;
        });
        int rows = drift.rows();
        jdbc.update("update license_count_recount set last_run_at = ?, last_drift = ? where id = 1",
                Timestamp.from(clock.instant()), rows);
        return rows;
    }
}
