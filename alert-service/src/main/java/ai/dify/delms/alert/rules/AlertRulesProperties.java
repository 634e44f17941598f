package ai.dify.delms.alert.rules;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the alert rules ({@code delms.alerts.rules.*}, in config-server's
 * {@code alert-service.yml}). Every value has a default; see the service README for what each does.
 * The day "today" is for expiry dates is the chassis's {@code delms.business-time-zone}, shared with
 * license-service's expiry job.
 */
@ConfigurationProperties("delms.alerts.rules")
public record AlertRulesProperties(
        @DefaultValue Expiry expiry,
        @DefaultValue Overuse overuse,
        @DefaultValue Inactivity inactivity,
        @DefaultValue IrregularUsage irregularUsage) {

    /** Days before the expiry date at which EXPIRING_90, EXPIRING_60 and EXPIRING_30 start. */
    public record Expiry(@DefaultValue("90") int firstNoticeDays, @DefaultValue("60") int secondNoticeDays,
            @DefaultValue("30") int finalNoticeDays) {

        public Expiry {
            if (!(firstNoticeDays > secondNoticeDays && secondNoticeDays > finalNoticeDays && finalNoticeDays >= 0)) {
                throw new IllegalArgumentException("expiry notice days must be decreasing and not negative: "
                        + firstNoticeDays + ", " + secondNoticeDays + ", " + finalNoticeDays);
            }
        }
    }

    /** Usage above the limit by more than {@code tolerancePercent} percent is overuse. */
    public record Overuse(@DefaultValue("0") double tolerancePercent) {

        public Overuse {
            if (tolerancePercent < 0) {
                throw new IllegalArgumentException("overuse tolerance-percent must not be negative");
            }
        }
    }

    /** A license in one of {@code statuses} without a usage report for {@code afterDays} days is inactive. */
    public record Inactivity(@DefaultValue("30") int afterDays,
            @DefaultValue({"DEPLOYED", "IN_USE", "RENEWED"}) List<String> statuses) {

        public Inactivity {
            if (afterDays < 1) {
                throw new IllegalArgumentException("inactivity after-days must be at least 1");
            }
            statuses = List.copyOf(statuses);
        }
    }

    /**
     * A report is irregular when a count lies more than {@code madThreshold} median absolute
     * deviations from the median of the license's previous {@code historyReports} reports (needs
     * {@code minimumHistory} of them), the deviation being at least {@code minimumDeviation} and
     * {@code minimumDeviationPercent} of the median (steady usage has a MAD of zero); or when a
     * count falls to zero from non-zero.
     */
    public record IrregularUsage(@DefaultValue("8") int historyReports, @DefaultValue("4") int minimumHistory,
            @DefaultValue("5") double madThreshold, @DefaultValue("2") double minimumDeviation,
            @DefaultValue("10") double minimumDeviationPercent) {

        public IrregularUsage {
            if (minimumHistory < 2 || historyReports < minimumHistory || madThreshold <= 0 || minimumDeviation < 0
                    || minimumDeviationPercent < 0) {
                throw new IllegalArgumentException("irregular-usage needs history-reports >= minimum-history >= 2, "
                        + "a positive mad-threshold and non-negative minimum deviations");
            }
        }
    }
}
