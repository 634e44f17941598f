package ai.dify.delms.alert.evaluation.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the incremental {@link LicenseScan} every {@code delms.alerts.scan.interval} and the full one
 * every {@code delms.alerts.scan.full-interval} (unless disabled); each claimed per period.
 */
@Component
@ConditionalOnProperty(name = "delms.alerts.scan.enabled", havingValue = "true", matchIfMissing = true)
class ScheduledLicenseScan {

    private final LicenseScan scan;

    ScheduledLicenseScan(LicenseScan scan) {
        this.scan = scan;
    }

    @Scheduled(fixedDelayString = "${delms.alerts.scan.interval:PT15M}",
            initialDelayString = "${delms.alerts.scan.initial-delay:PT1M}")
    void incremental() {
        scan.runIncrementalIfClaimed();
    }

    @Scheduled(fixedDelayString = "${delms.alerts.scan.full-interval:P1D}",
            initialDelayString = "${delms.alerts.scan.initial-delay:PT1M}")
    void full() {
        scan.runFullIfClaimed();
    }
}
