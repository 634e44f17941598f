package ai.dify.delms.alert.evaluation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.alert.alert.Alert;
import ai.dify.delms.alert.alert.AlertService;
import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.licenseview.LicenseModel;
import ai.dify.delms.alert.licenseview.LicenseModels;
import ai.dify.delms.alert.licenseview.UsageHistory;
import ai.dify.delms.alert.licenseview.UsagePoint;
import ai.dify.delms.alert.rules.AlertRules;
import ai.dify.delms.alert.rules.Finding;
import ai.dify.delms.alert.rules.LicenseFacts;

/**
 * Brings a license's alerts in line with what the rules find now ({@link AlertChanges}): a finding
 * without an open alert raises one, an open (or acknowledged) alert whose condition is no longer
 * found resolves, and an alert that is already open stays as it is (no second notification). The
 * license's read-model row is locked meanwhile, so an event and the scan never evaluate the same
 * license at once; the evaluation records on it when time alone can next change its alerts, for the
 * incremental scan (docs/decisions.md, 39).
 */
@Service
public class AlertEvaluator {

    private final LicenseModels models;
    private final UsageHistory usageHistory;
    private final AlertRules rules;
    private final AlertService alerts;
    private final Clock clock;

    AlertEvaluator(LicenseModels models, UsageHistory usageHistory, AlertRules rules, AlertService alerts,
            Clock clock) {
        this.models = models;
        this.usageHistory = usageHistory;
        this.rules = rules;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Evaluates one license (joins the caller's transaction, e.g. the consumed event's). */
    @Transactional
    public Outcome evaluate(String licenseId) {
        return evaluate(licenseId, clock.instant());
    }

    @Transactional
    Outcome evaluate(String licenseId, Instant now) {
        return models.findForEvaluation(licenseId)
                .map(model -> reconcile(model, usageHistory.of(licenseId), alerts.openAlerts(licenseId), now))
                .orElse(Outcome.NONE);
    }

    /** Evaluates a batch whose history and open alerts were loaded together. */
    Outcome reconcile(LicenseModel model, List<UsagePoint> history,
            List<Alert> openAlerts, Instant now) {
        LicenseFacts facts = LicenseFacts.of(model, history);
        Map<AlertType, Finding> findings = rules.evaluate(facts, now);
        AlertChanges changes = AlertChanges.between(rules.types(), findings, openAlerts);
        changes.toResolve().forEach(alerts::resolve);
        for (Finding finding : changes.toRaise()) {
            alerts.raise(model.getLicenseId(), model.getCustomerId(), model.getResellerId(), finding.type(),
                    finding.severity(), finding.message(), finding.details());
        }
        model.evaluatedUntil(rules.nextChange(facts, now).orElse(null));
        return new Outcome(changes.toRaise().size(), changes.toResolve().size());
    }

    /** Alerts raised and resolved by an evaluation. */
    public record Outcome(int raised, int resolved) {

        static final Outcome NONE = new Outcome(0, 0);

        Outcome plus(Outcome other) {
            return new Outcome(raised + other.raised, resolved + other.resolved);
        }
    }
}
