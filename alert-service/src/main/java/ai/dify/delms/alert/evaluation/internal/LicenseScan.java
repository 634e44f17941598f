package ai.dify.delms.alert.evaluation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import ai.dify.delms.alert.alert.Alert;
import ai.dify.delms.alert.alert.AlertService;
import ai.dify.delms.alert.evaluation.ScanProperties;
import ai.dify.delms.alert.licenseview.LicenseModel;
import ai.dify.delms.alert.licenseview.LicenseModels;
import ai.dify.delms.alert.licenseview.UsageHistory;
import ai.dify.delms.alert.licenseview.UsagePoint;

/**
 * Evaluates licenses for what time alone changes (expiry windows, inactivity), and catches up with
 * what no event evaluated (docs/decisions.md, 39):
 * <ul>
 * <li>the incremental scan ({@link #scanDue}): the licenses whose next evaluation time has come — time
 * crossed a boundary of their alerts, or the row changed without an evaluation — through an index, so
 * its work follows what changed;</li>
 * <li>the full scan ({@link #scanFull}), the safety net: those, and every license whose open alerts
 * differ from what the rules find now, selected in SQL ({@link FullScanSelection});</li>
 * <li>{@link #scanAll}: every license, after a rebuild of the read model.</li>
 * </ul>
 * Licenses are evaluated in batches of {@code batch-size} in license id order, one transaction per
 * batch (3 queries to load a batch: licenses, locked; their usage history; their open alerts). On
 * several instances only the one that claims a scheduled run scans ({@link JobClaims}).
 */
@Service
public class LicenseScan {

    static final String FULL_JOB = "license-scan";
    static final String INCREMENTAL_JOB = "license-scan-incremental";

    private static final Logger log = LoggerFactory.getLogger(LicenseScan.class);

    private final LicenseModels models;
    private final UsageHistory usageHistory;
    private final AlertService alerts;
    private final AlertEvaluator evaluator;
    private final FullScanSelection fullScanSelection;
    private final JobClaims claims;
    private final TransactionTemplate transaction;
    private final ScanProperties properties;
    private final Clock clock;

    LicenseScan(LicenseModels models, UsageHistory usageHistory, AlertService alerts, AlertEvaluator evaluator,
            FullScanSelection fullScanSelection, JobClaims claims, TransactionTemplate transaction,
            ScanProperties properties, Clock clock) {
        this.models = models;
        this.usageHistory = usageHistory;
        this.alerts = alerts;
        this.evaluator = evaluator;
        this.fullScanSelection = fullScanSelection;
        this.claims = claims;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** The scheduled incremental scan: runs if this instance wins this period's run, else does nothing. */
    public ScanResult runIncrementalIfClaimed() {
        return runIfClaimed(INCREMENTAL_JOB, properties.minimumGap(), this::scanDue);
    }

    /** The scheduled full scan, claimed the same way for its own period. */
    public ScanResult runFullIfClaimed() {
        return runIfClaimed(FULL_JOB, properties.fullMinimumGap(), this::scanFull);
    }

    private ScanResult runIfClaimed(String job, Duration minimumGap, Supplier<ScanResult> scan) {
        Instant now = clock.instant();
        if (!claims.claim(job, now, minimumGap)) {
            log.debug("{} at {} is another instance's", job, now);
            return ScanResult.SKIPPED;
        }
        ScanResult result = scan.get();
        claims.finished(job, clock.instant());
        return result;
    }

    /** The licenses due for evaluation now, whoever else scans. */
    public ScanResult scanDue() {
        Instant now = clock.instant();
        return scan("Incremental license scan", now, () -> new Batches() {
            @Override
            public List<LicenseModel> lockNext(String after, int size) {
                return models.nextDueBatchForEvaluation(now, after, size);
            }

            @Override
            public List<String> idsNext(String after, int size) {
                return models.nextDueIds(now, after, size);
            }
        });
    }

    /** The licenses due now and those whose open alerts differ from what the rules find, whoever else scans. */
    public ScanResult scanFull() {
        Instant now = clock.instant();
        return scan("Full license scan", now,
                () -> selectedBatches(new ArrayList<>(fullScanSelection.licensesToEvaluate(now))));
    }

    /** The selected licenses (in id order), a batch at a time. */
    private Batches selectedBatches(List<String> selected) {
        return new Batches() {
            @Override
            public List<LicenseModel> lockNext(String after, int size) {
                return models.findForEvaluation(idsNext(after, size));
            }

            @Override
            public List<String> idsNext(String after, int size) {
                int at = after == null ? -1 : Collections.binarySearch(selected, after);
                int from = at >= 0 ? at + 1 : -at - 1;
                return List.copyOf(selected.subList(from, Math.min(selected.size(), from + size)));
            }
        };
    }

    /** Every license, each evaluated, whoever else scans (after a rebuild, when everything may have changed). */
    public ScanResult scanAll() {
        return scan("License scan of every license", clock.instant(), () -> new Batches() {
            @Override
            public List<LicenseModel> lockNext(String after, int size) {
                return models.nextBatchForEvaluation(after, size);
            }

            @Override
            public List<String> idsNext(String after, int size) {
                return models.nextBatchIds(after, size);
            }
        });
    }

    /** The licenses a scan evaluates, in license id order, a batch at a time after the last one evaluated. */
    private interface Batches {

        /** The next batch after {@code after} (null: from the first), locked for evaluation. */
        List<LicenseModel> lockNext(String after, int size);

        /** The same batch's ids, not locked. */
        List<String> idsNext(String after, int size);
    }

    /** Scans the batches {@code selection} gives (timed from before it selects). */
    private ScanResult scan(String name, Instant now, Supplier<Batches> selection) {
        long started = System.nanoTime();
        Batches batches = selection.get();
        String after = null;
        long licenses = 0;
        AlertEvaluator.Outcome total = AlertEvaluator.Outcome.NONE;
        while (true) {
            String from = after;
            Batch batch;
            try {
                batch = transaction.execute(tx -> evaluateBatch(batches, from, now));
            } catch (RuntimeException e) {
                log.warn("{}: batch after {} failed ({}); evaluating its licenses one by one", name, from,
                        e.toString());
                batch = evaluateOneByOne(batches, from, now);
            }
            if (batch == null || batch.lastLicenseId() == null) {
                break;
            }
            licenses += batch.licenses();
            total = total.plus(batch.outcome());
            after = batch.lastLicenseId();
        }
        ScanResult result = new ScanResult(true, licenses, total.raised(), total.resolved(),
                Duration.ofNanos(System.nanoTime() - started));
        log.info("{}: {}", name, result);
        return result;
    }

    private Batch evaluateBatch(Batches batches, String afterLicenseId, Instant now) {
        List<LicenseModel> batch = batches.lockNext(afterLicenseId, properties.batchSize());
        if (batch.isEmpty()) {
            // a full scan's selected license may be gone meanwhile: the next ids go on from the selection
            List<String> ids = batches.idsNext(afterLicenseId, properties.batchSize());
            return new Batch(0, ids.isEmpty() ? null : ids.get(ids.size() - 1), AlertEvaluator.Outcome.NONE);
        }
        List<String> ids = batch.stream().map(LicenseModel::getLicenseId).toList();
        Map<String, List<UsagePoint>> histories = usageHistory.of(ids);
        Map<String, List<Alert>> open = alerts.openAlerts(ids);
        AlertEvaluator.Outcome outcome = AlertEvaluator.Outcome.NONE;
        for (LicenseModel model : batch) {
            outcome = outcome.plus(evaluator.reconcile(model, histories.getOrDefault(model.getLicenseId(), List.of()),
                    open.getOrDefault(model.getLicenseId(), List.of()), now));
        }
        return new Batch(batch.size(), ids.get(ids.size() - 1), outcome);
    }

    /** A failed batch again, each license in its own transaction, so one bad license does not stop the scan. */
    private Batch evaluateOneByOne(Batches batches, String afterLicenseId, Instant now) {
        List<String> ids = batches.idsNext(afterLicenseId, properties.batchSize());
        AlertEvaluator.Outcome outcome = AlertEvaluator.Outcome.NONE;
        for (String licenseId : ids) {
            try {
                outcome = outcome.plus(transaction.execute(tx -> evaluator.evaluate(licenseId, now)));
            } catch (RuntimeException e) {
                log.error("License scan could not evaluate {}", licenseId, e);
            }
        }
        return new Batch(ids.size(), ids.isEmpty() ? null : ids.get(ids.size() - 1), outcome);
    }

    private record Batch(int licenses, String lastLicenseId, AlertEvaluator.Outcome outcome) {
    }

    /** What a scan did; {@code ran} is false when another instance had this period's run. */
    public record ScanResult(boolean ran, long licenses, int raised, int resolved, Duration took) {

        static final ScanResult SKIPPED = new ScanResult(false, 0, 0, 0, Duration.ZERO);
    }
}
