package ai.dify.delms.license.usage.internal;

import ai.dify.delms.license.usage.UsageService;
import java.time.Instant;

import ai.dify.delms.platform.partner.PartnerCaller;

/**
 * A usage report as a partner sees it: {@code reportedBy} only for reports its reseller sent through
 * the partner API (null for the others, whose reporter is vendor staff). As in {@link UsageReportDto},
 * {@code latest}, {@code overused} and {@code licenseStatus} are only in the answer to a new report;
 * {@code source} as there.
 */
public record PartnerUsageReportDto(long id, int workspaces, int users, Instant reportedAt, Instant recordedAt,
        String reportedBy, Boolean latest, Boolean overused, String licenseStatus, UsageSource source) {

    static PartnerUsageReportDto of(UsageReport r, PartnerCaller caller) {
        return new PartnerUsageReportDto(r.getId(), r.getWorkspaces(), r.getUsers(), r.getReportedAt(),
                r.getRecordedAt(), caller.owns(r.getPartnerResellerId()) ? r.getReportedBy() : null, null, null, null, r.getSource());
    }

    static PartnerUsageReportDto of(UsageService.Recorded recorded) {
        UsageReport r = recorded.report();
        return new PartnerUsageReportDto(r.getId(), r.getWorkspaces(), r.getUsers(), r.getReportedAt(),
                r.getRecordedAt(), r.getReportedBy(), recorded.applied().becameLatest(),
                recorded.applied().overusedAfter(), recorded.applied().statusAfter().name(), r.getSource());
    }
}
