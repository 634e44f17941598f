package ai.dify.delms.alert.evaluation.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the {@link LicenseScan} every {@code delms.alerts.scan.interval} (unless disabled). */
@Component
@ConditionalOnProperty(name = "delms.alerts.scan.enabled", havingValue = "true", matchIfMissing = true)
class ScheduledLicenseScan {

    private final LicenseScan scan;

    ScheduledLicenseScan(LicenseScan scan) {
        this.scan = scan;
    }

    @Scheduled(fixedDelayString = "${delms.alerts.scan.interval:PT1H}",
            initialDelayString = "${delms.alerts.scan.initial-delay:PT1M}")
    void run() {
        scan.runIfClaimed();
    }
}
