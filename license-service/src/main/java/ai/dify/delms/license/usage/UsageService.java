package ai.dify.delms.license.usage;

import ai.dify.delms.license.usage.internal.UsageReport;
import ai.dify.delms.license.usage.internal.UsageReportRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.license.license.LatestUsage;
import ai.dify.delms.license.license.LicenseService;
import ai.dify.delms.license.license.UsageApplied;
import ai.dify.delms.platform.problem.NotFoundException;
import ai.dify.delms.platform.security.CurrentActor;
import ai.dify.delms.platform.security.Roles;

/** Records usage reports (history plus the license's latest usage, in one transaction) and reads the history. */
@Service
public class UsageService {

    private final UsageReportRepository reports;
    private final LicenseService licenses;
    private final Clock clock;

    UsageService(UsageReportRepository reports, LicenseService licenses, Clock clock) {
        this.reports = reports;
        this.licenses = licenses;
        this.clock = clock;
    }

    /** A report from staff: admins and engineers report usage (docs/security.md, roles); partners do it through the partner API. */
    @Transactional
    @PreAuthorize(Roles.ADMIN_OR_ENGINEER)
    public Recorded report(String licenseId, int workspaces, int users, Instant reportedAt, CurrentActor actor) {
        Instant now = now();
        LatestUsage usage = LatestUsage.reported(workspaces, users, reportedAt, now);
        String who = actor.auditName();
        return stored(licenseId, licenses.applyUsage(licenseId, usage, who), usage, now, who, null);
    }

    /**
     * A partner's report, for one of its reseller's licenses only: the same rules and effects as a
     * staff report. Another license is not found, exactly like an unknown id, and nothing is written.
     */
    @Transactional
    public Recorded reportOfReseller(String licenseId, UUID resellerId, int workspaces, int users, Instant reportedAt,
            CurrentActor actor) {
        Instant now = now();
        LatestUsage usage = LatestUsage.reported(workspaces, users, reportedAt, now);
        String who = actor.auditName();
        return stored(licenseId, licenses.applyUsageOfReseller(licenseId, resellerId, usage, who), usage, now, who,
                resellerId);
    }

    /**
     * Records the new entries of an imported usage report (docs/decisions.md, 29), in order, each as a
     * usage report with its own time: the same effects on the license as reports sent to the API
     * (latest usage, IN_USE, overuse, delms.license.usage-reported.v1), with source OFFLINE_IMPORT.
     * Runs in the caller's transaction, which has checked the report and holds the license.
     *
     * @param partnerResellerId the reseller of the partner that imported it; null for staff
     * @return what each entry did to the license, in order
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UsageApplied> recordImported(String licenseId, UUID instanceId, List<ImportedEntry> entries, String actor,
            UUID partnerResellerId) {
        Instant now = now();
        List<UsageApplied> applied = new ArrayList<>();
        for (ImportedEntry entry : entries) {
            LatestUsage usage = new LatestUsage(entry.workspaces(), entry.users(), entry.at());
            applied.add(licenses.applyUsage(licenseId, usage, actor));
            reports.save(UsageReport.imported(licenseId, entry.workspaces(), entry.users(), entry.at(), now, actor,
                    partnerResellerId, instanceId, entry.chainSeq()));
        }
        return applied;
    }

    /** One entry of an imported usage report: its sequence number in its instance's chain, figures and time. */
    public record ImportedEntry(long chainSeq, int workspaces, int users, Instant at) {
    }

    private Recorded stored(String licenseId, UsageApplied applied, LatestUsage usage, Instant now, String who,
            UUID partnerResellerId) {
        UsageReport report = reports.save(new UsageReport(licenseId, usage.workspaces(), usage.users(),
                usage.reportedAt(), now, who, partnerResellerId));
        return new Recorded(report, applied);
    }

    private Instant now() {
        return clock.instant();
    }

    @Transactional(readOnly = true)
    public Page<UsageReport> history(String licenseId, Pageable pageable) {
        if (!licenses.exists(licenseId)) {
            throw new NotFoundException("License", licenseId);
        }
        return reports.findByLicenseId(licenseId, pageable);
    }

    /** The usage history of one of the reseller's licenses; any other license is not found. */
    @Transactional(readOnly = true)
    public Page<UsageReport> historyOfReseller(String licenseId, UUID resellerId, Pageable pageable) {
        licenses.getOfReseller(licenseId, resellerId);
        return reports.findByLicenseId(licenseId, pageable);
    }

    /** A stored report and what it did to the license. */
    public record Recorded(UsageReport report, UsageApplied applied) {
    }
}
