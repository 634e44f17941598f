package ai.dify.delms.alert.evaluation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled scans ({@code delms.alerts.scan.*}, docs/decisions.md, 39): the incremental scan
 * every {@code interval} (the licenses whose next evaluation time has come), the full scan every
 * {@code full-interval} (every license whose alerts differ from what the rules find, the safety
 * net), and how many licenses per transaction. {@code enabled=false} stops both schedules (the
 * scans can still be called).
 */
@ConfigurationProperties("delms.alerts.scan")
public record ScanProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT15M") Duration interval,
        @DefaultValue("P1D") Duration fullInterval, @DefaultValue("PT1M") Duration initialDelay,
        @DefaultValue("500") int batchSize) {

    public ScanProperties {
        if (batchSize < 1 || !isPositive(interval) || !isPositive(fullInterval)) {
            throw new IllegalArgumentException(
                    "delms.alerts.scan needs a positive interval, full-interval and batch-size");
        }
    }

    /** An incremental run started less than this ago by any instance means this period's run is taken. */
    public Duration minimumGap() {
        return interval.dividedBy(2);
    }

    /** The same for the full scan. */
    public Duration fullMinimumGap() {
        return fullInterval.dividedBy(2);
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
