package ai.dify.delms.license.airgap.internal;

import ai.dify.delms.license.airgap.UsageReportImported;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.license.license.License;
import ai.dify.delms.license.license.LatestUsage;
import ai.dify.delms.license.license.LicenseService;
import ai.dify.delms.license.license.UsageApplied;
import ai.dify.delms.license.usage.UsageService;
import ai.dify.delms.licensefile.usage.ChainPosition;
import ai.dify.delms.licensefile.usage.InstanceKey;
import ai.dify.delms.licensefile.usage.UsageEntry;
import ai.dify.delms.licensefile.usage.UsageFailure;
import ai.dify.delms.licensefile.usage.UsageImport;
import ai.dify.delms.licensefile.usage.UsageReportVerifier;

/**
 * Imports a usage report exported by an air-gapped instance (docs/license-files.md, decision 29): the
 * verifier library checks it against the instance's registered key and the last entry accepted from
 * it, and every new entry is recorded as a usage report through {@link UsageService}, with the same
 * effects as a report sent online. All in one transaction: a refused report records nothing.
 * <p>
 * The license and then the instance are locked ({@code FOR UPDATE}) before the report is checked, so
 * a second import of the same report waits and then finds the position advanced: a replay.
 */
@Service
public class UsageReportImporter {

    private static final Logger log = LoggerFactory.getLogger(UsageReportImporter.class);
    /** The public key of no instance: reports are checked with it only to say what else is wrong with them. */
    private static final PublicKey NO_INSTANCE = InstanceKey.generate().publicKey();

    private final InstanceRepository instances;
    private final LicenseService licenses;
    private final UsageService usage;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UsageReportImporter(InstanceRepository instances, LicenseService licenses, UsageService usage,
            ApplicationEventPublisher events, Clock clock) {
        this.instances = instances;
        this.licenses = licenses;
        this.usage = usage;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @throws UsageReportRefusedException saying why and where; nothing is recorded
     */
    @Transactional
    ImportSummary importReport(String licenseId, Requester requester, byte[] report, String actor) {
        License license = requester.lock(licenses, licenseId);
        Instance instance = instanceFor(licenseId, report);
        if (!instance.isActive()) {
            throw UsageReportRefusedException.deactivated(instance);
        }
        ChainPosition lastAccepted = instance.lastAccepted().orElse(null);
        UsageImport result = UsageReportVerifier.verify(report, licenseId, instance.key(), lastAccepted);
        if (result instanceof UsageImport.Rejected rejected) {
            throw UsageReportRefusedException.of(rejected, instance);
        }
        UsageImport.Accepted accepted = (UsageImport.Accepted) result;
        List<UsageEntry> entries = accepted.newEntries();
        Instant latestAllowed = clock.instant().plus(LatestUsage.CLOCK_SKEW);
        for (UsageEntry entry : entries) {
            if (entry.at().isAfter(latestAllowed)) {
                throw UsageReportRefusedException.futureEntry(instance, entry.seq(), entry.at());
            }
        }
        List<UsageApplied> applied = usage.recordImported(licenseId, instance.getId(), entries.stream()
                .map(e -> new UsageService.ImportedEntry(e.seq(), e.workspaces(), e.users(), e.at())).toList(),
                actor, requester.resellerId());
        instance.accepted(accepted.newPosition());
        instances.saveAndFlush(instance);

        UsageEntry first = entries.get(0);
        UsageEntry latest = accepted.latest();
        events.publishEvent(new UsageReportImported(licenseId, instance.getId(), instance.getName(),
                instance.getKeyId(), entries.size(), first.seq(), latest.seq(), latest.workspaces(), latest.users(),
                clock.instant(), actor));
        log.info("Usage report of instance {} of {} imported by {}: seq {} to {}", instance.getKeyId(), licenseId, actor,
                first.seq(), latest.seq());
        UsageApplied last = applied.get(applied.size() - 1);
        return new ImportSummary(licenseId, instance.getId(), instance.getName(), instance.getKeyId(), entries.size(),
                first.seq(), latest.seq(), new ImportSummary.Usage(latest.workspaces(), latest.users(), latest.at()),
                last.statusAfter().name(), license.isOverused());
    }

    /**
     * The instance whose key the report claims, locked. When the license has no such instance, the
     * report is still run through the verifier with a key of no instance, so that a malformed report
     * or one of another license is told as such, not as an unknown instance; with that key it can never
     * be accepted.
     */
    private Instance instanceFor(String licenseId, byte[] report) {
        Optional<String> claimed = ReportedInstance.keyIdClaimedBy(report);
        Optional<Instance> instance = claimed.flatMap(keyId -> instances.findForUpdate(licenseId, keyId));
        if (instance.isPresent()) {
            return instance.get();
        }
        UsageImport result = UsageReportVerifier.verify(report, licenseId, NO_INSTANCE, null);
        if (result instanceof UsageImport.Rejected rejected && rejected.failure() != UsageFailure.WRONG_INSTANCE) {
            throw UsageReportRefusedException.of(rejected, null);
        }
        throw UsageReportRefusedException.unknownInstance(licenseId, claimed.orElse(null));
    }
}
