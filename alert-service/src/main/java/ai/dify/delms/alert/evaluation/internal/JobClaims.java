package ai.dify.delms.alert.evaluation.internal;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One winner per run of a job across instances: a run is claimed by a conditional update of the
 * job's row ({@code job_claim}); the row lock makes concurrent claims wait, and the loser's
 * condition no longer holds after the winner's commit. A claim younger than the minimum gap wins
 * nothing; one far in the future (a clock set back) counts as stale. No lock is held while the job
 * runs, so an instance that dies mid-run blocks nobody beyond the gap.
 */
@Repository
class JobClaims {

    private static final String OWNER = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcTemplate jdbc;

    JobClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this instance won the run of {@code job} at {@code now}. Runs in its own short statement. */
    boolean claim(String job, Instant now, Duration minimumGap) {
        return jdbc.update("update job_claim set started_at = ?, finished_at = null, owner = ? where name = ? "
                + "and (started_at is null or started_at <= ? or started_at > ?)",
                Timestamp.from(now), OWNER, job, Timestamp.from(now.minus(minimumGap)),
                Timestamp.from(now.plus(minimumGap))) == 1;
    }

    void finished(String job, Instant now) {
        jdbc.update("update job_claim set finished_at = ? where name = ? and owner = ?", Timestamp.from(now), job, OWNER);
    }
}
