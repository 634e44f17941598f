package ai.dify.delms.license.license;

import java.time.Instant;

/**
 * A usage report's figures: workspaces and users in use at {@code reportedAt}. Holds the overuse
 * rule (the database's generated column {@code license.overused} mirrors it for queries).
 */
public record LatestUsage(int workspaces, int users, Instant reportedAt) {

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
