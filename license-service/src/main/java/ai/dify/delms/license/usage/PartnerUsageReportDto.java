package ai.dify.delms.license.usage;

import java.time.Instant;

/**
 * A usage report as a partner sees it: without {@code reportedBy}, which names vendor staff for
 * the reports they made. As in {@link UsageReportDto}, {@code latest}, {@code overused} and
 * {@code licenseStatus} are only in the answer to a new report.
 */
record PartnerUsageReportDto(long id, int workspaces, int users, Instant reportedAt, Instant recordedAt,
        Boolean latest, Boolean overused, String licenseStatus) {

    static PartnerUsageReportDto of(UsageReport r) {
        return new PartnerUsageReportDto(r.getId(), r.getWorkspaces(), r.getUsers(), r.getReportedAt(),
                r.getRecordedAt(), null, null, null);
    }

    static PartnerUsageReportDto of(UsageService.Recorded recorded) {
        UsageReport r = recorded.report();
        return new PartnerUsageReportDto(r.getId(), r.getWorkspaces(), r.getUsers(), r.getReportedAt(),
                r.getRecordedAt(), recorded.applied().becameLatest(), recorded.applied().overusedAfter(),
                recorded.applied().statusAfter().name());
    }
}
