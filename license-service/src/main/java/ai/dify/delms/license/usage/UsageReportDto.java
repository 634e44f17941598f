package ai.dify.delms.license.usage;

import java.time.Instant;

/**
 * A usage report as the API shows it. In the answer to a new report, {@code latest} says whether it
 * is now the license's latest usage and {@code overused} the license's state after it; in the history
 * both are null.
 */
record UsageReportDto(long id, int workspaces, int users, Instant reportedAt, Instant recordedAt, String reportedBy,
        Boolean latest, Boolean overused, String licenseStatus) {

    static UsageReportDto of(UsageReport r) {
        return new UsageReportDto(r.getId(), r.getWorkspaces(), r.getUsers(), r.getReportedAt(), r.getRecordedAt(),
                r.getReportedBy(), null, null, null);
    }
}
