package ai.dify.delms.license.license;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import ai.dify.delms.platform.problem.BadFieldException;

/**
 * A usage report's figures: workspaces and users in use at {@code reportedAt}. Holds the overuse
 * rule (the database's generated column {@code license.overused} mirrors it for queries).
 */
public record LatestUsage(int workspaces, int users, Instant reportedAt) {

    /** How far in the future a report's time may be: reporters' clocks are not exact. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * A report as staff or a partner sends it: its time defaults to {@code now} and is kept to the
     * microsecond (what the database keeps).
     *
     * @throws BadFieldException naming the first wrong field: a time in the future beyond the clock
     *         skew, a negative count
     */
    public static LatestUsage reported(int workspaces, int users, Instant reportedAt, Instant now) {
        Instant at = reportedAt == null ? now : reportedAt.truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new BadFieldException("reportedAt", "must not be in the future");
        }
        if (workspaces < 0) {
            throw new BadFieldException("workspaces", "must be greater than or equal to 0");
        }
        if (users < 0) {
            throw new BadFieldException("users", "must be greater than or equal to 0");
        }
        return new LatestUsage(workspaces, users, at);
    }

    /** Above an authorized limit: more workspaces or more users than the license grants. */
    public boolean exceeds(int authorizedWorkspaces, int authorizedUsers) {
        return workspaces > authorizedWorkspaces || users > authorizedUsers;
    }

    /** Whether this report is at least as recent as {@code other} (a late, older report does not replace it). */
    boolean isNotOlderThan(LatestUsage other) {
        return other == null || !reportedAt.isBefore(other.reportedAt());
    }

    @Override
    public String toString() {
        return "workspaces=" + workspaces + ", users=" + users + ", reportedAt=" + reportedAt;
    }
}
