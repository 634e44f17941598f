package ai.dify.delms.alert.evaluation.internal;

import org.springframework.stereotype.Component;

import ai.dify.delms.alert.licenseview.LicenseModelObserver;

/** Re-evaluates a license when an event changed it, and every license after a rebuild. */
@Component
class EvaluationOnChange implements LicenseModelObserver {

    private final AlertEvaluator evaluator;
    private final LicenseScan scan;

    EvaluationOnChange(AlertEvaluator evaluator, LicenseScan scan) {
        this.evaluator = evaluator;
        this.scan = scan;
    }

    @Override
    public void licenseChanged(String licenseId) {
        evaluator.evaluate(licenseId);
    }

    @Override
    public void modelRebuilt() {
        scan.scanAll();
    }
}
