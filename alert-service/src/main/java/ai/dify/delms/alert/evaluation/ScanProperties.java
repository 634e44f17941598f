package ai.dify.delms.alert.evaluation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled scan ({@code delms.alerts.scan.*}): how often, and how many licenses per
 * transaction. {@code enabled=false} stops the schedule (the scan can still be called).
 */
@ConfigurationProperties("delms.alerts.scan")
public record ScanProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT1H") Duration interval,
        @DefaultValue("PT1M") Duration initialDelay, @DefaultValue("500") int batchSize) {

    public ScanProperties {
        if (batchSize < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("delms.alerts.scan needs a positive interval and batch-size");
        }
    }

    /** A run started less than this ago by any instance means this period's scan is taken. */
    public Duration minimumGap() {
        return interval.dividedBy(2);
    }
}
