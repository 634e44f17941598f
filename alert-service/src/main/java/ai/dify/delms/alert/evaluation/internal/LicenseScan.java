package ai.dify.delms.alert.evaluation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * Evaluates every license, for what time alone changes (expiry windows, inactivity), in batches of
 * {@code batch-size} licenses in license id order, one transaction per batch (3 queries to load a
 * batch: licenses, their usage history, their open alerts). On several instances only the one that
 * claims the run scans ({@link JobClaims}).
 */
@Service
public class LicenseScan {

    static final String JOB = "license-scan";

    private static final Logger log = LoggerFactory.getLogger(LicenseScan.class);

    private final LicenseModels models;
    private final UsageHistory usageHistory;
    private final AlertService alerts;
    private final AlertEvaluator evaluator;
    private final JobClaims claims;
    private final TransactionTemplate transaction;
    private final ScanProperties properties;
    private final Clock clock;

    LicenseScan(LicenseModels models, UsageHistory usageHistory, AlertService alerts, AlertEvaluator evaluator,
            JobClaims claims, TransactionTemplate transaction, ScanProperties properties, Clock clock) {
        this.models = models;
        this.usageHistory = usageHistory;
        this.alerts = alerts;
        this.evaluator = evaluator;
        this.claims = claims;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** The scheduled entry: scans if this instance wins this period's run, else does nothing. */
    public ScanResult runIfClaimed() {
        Instant now = clock.instant();
        if (!claims.claim(JOB, now, properties.minimumGap())) {
            log.debug("License scan at {} is another instance's", now);
            return ScanResult.SKIPPED;
        }
        ScanResult result = scanAll();
        claims.finished(JOB, clock.instant());
        return result;
    }

    /** Scans every license now, whoever else does (after a rebuild). */
    public ScanResult scanAll() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        String after = null;
        long licenses = 0;
        AlertEvaluator.Outcome total = AlertEvaluator.Outcome.NONE;
        while (true) {
            String from = after;
            Batch batch;
            try {
                batch = transaction.execute(tx -> evaluateBatch(from, now));
            } catch (RuntimeException e) {
                log.warn("License scan batch after {} failed ({}); evaluating its licenses one by one", from,
                        e.toString());
                batch = evaluateOneByOne(from, now);
            }
            if (batch == null || batch.licenses() == 0) {
                break;
            }
            licenses += batch.licenses();
            total = total.plus(batch.outcome());
            after = batch.lastLicenseId();
        }
        ScanResult result = new ScanResult(true, licenses, total.raised(), total.resolved(),
                Duration.ofNanos(System.nanoTime() - started));
        log.info("License scan: {}", result);
        return result;
    }

    private Batch evaluateBatch(String afterLicenseId, Instant now) {
        List<LicenseModel> batch = models.nextBatchForEvaluation(afterLicenseId, properties.batchSize());
        if (batch.isEmpty()) {
            return new Batch(0, null, AlertEvaluator.Outcome.NONE);
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
    private Batch evaluateOneByOne(String afterLicenseId, Instant now) {
        List<String> ids = models.nextBatchIds(afterLicenseId, properties.batchSize());
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
