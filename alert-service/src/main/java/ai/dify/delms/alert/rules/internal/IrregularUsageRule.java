package ai.dify.delms.alert.rules.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.licenseview.UsagePoint;
import ai.dify.delms.alert.rules.AlertRulesProperties;
import ai.dify.delms.alert.rules.Finding;
import ai.dify.delms.alert.rules.LicenseFacts;

/**
 * IRREGULAR_USAGE (WARNING): the latest usage report is far outside the license's own recent history.
 * For workspaces and for users separately, with the previous {@code historyReports} reports
 * (at least {@code minimumHistory}):
 * <ul>
 * <li>robust outlier: |latest − median| &gt; k · max(MAD, minimumDeviation, minimumDeviationPercent % of
 * the median), where MAD is the median absolute deviation from the median and k is
 * {@code madThreshold} (default 5, about 3.4 standard deviations for normally spread counts). Median
 * and MAD ignore a few odd reports in the history, so one earlier spike does not hide the next; the
 * floors keep perfectly steady usage (MAD 0) from flagging every small change. Steady growth stays
 * within a few MADs and is not flagged.</li>
 * <li>drop to zero: the count is zero and the previous report's was not (needs one previous report).</li>
 * </ul>
 * Resolves when a later report is back within the history's range.
 */
@Component
class IrregularUsageRule implements AlertRule {

    private final AlertRulesProperties.IrregularUsage settings;

    IrregularUsageRule(AlertRulesProperties properties,
            @Value("${delms.alerts.read-model.usage-history-size:12}") int usageHistorySize) {
        this.settings = properties.irregularUsage();
        if (settings.historyReports() >= usageHistorySize) {
            throw new IllegalStateException("delms.alerts.rules.irregular-usage.history-reports ("
                    + settings.historyReports() + ") needs delms.alerts.read-model.usage-history-size above it, is "
                    + usageHistorySize);
        }
    }

    @Override
    public Set<AlertType> types() {
        return Set.of(AlertType.IRREGULAR_USAGE);
    }

    @Override
    public List<Finding> evaluate(LicenseFacts license, Instant now) {
        List<UsagePoint> reports = license.recentUsage();
        if (reports.size() < 2) {
            return List.of();
        }
        UsagePoint latest = reports.get(reports.size() - 1);
        List<UsagePoint> history = reports.subList(Math.max(0, reports.size() - 1 - settings.historyReports()),
                reports.size() - 1);
        return check(license, latest, history, "workspaces", UsagePoint::workspaces)
                .or(() -> check(license, latest, history, "users", UsagePoint::users))
                .map(List::of).orElse(List.of());
    }

    private Optional<Finding> check(LicenseFacts license, UsagePoint latest, List<UsagePoint> history, String measure,
            ToIntFunction<UsagePoint> count) {
        int value = count.applyAsInt(latest);
        int previous = count.applyAsInt(history.get(history.size() - 1));
        if (value == 0 && previous > 0) {
            Map<String, Object> details = details(measure, value, latest, "drop-to-zero");
            details.put("previous", previous);
            return Optional.of(new Finding(AlertType.IRREGULAR_USAGE, AlertSeverity.WARNING, "License "
                    + license.licenseId() + " reported 0 " + measure + " after " + previous, details));
        }
        if (history.size() < settings.minimumHistory()) {
            return Optional.empty();
        }
        double[] values = history.stream().mapToDouble(count::applyAsInt).toArray();
        double median = median(values);
        double mad = median(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray());
        double scale = Math.max(mad, Math.max(settings.minimumDeviation(),
                settings.minimumDeviationPercent() / 100 * median));
        double deviations = Math.abs(value - median) / scale;
        if (deviations <= settings.madThreshold()) {
            return Optional.empty();
        }
        Map<String, Object> details = details(measure, value, latest, "median-absolute-deviation");
        details.put("median", median);
        details.put("mad", mad);
        details.put("deviations", Math.round(deviations * 10) / 10.0);
        details.put("threshold", settings.madThreshold());
        details.put("historyReports", history.size());
        String direction = value > median ? "jumped" : "dropped";
        return Optional.of(new Finding(AlertType.IRREGULAR_USAGE, AlertSeverity.WARNING, "License "
                + license.licenseId() + " " + direction + " to " + value + " " + measure + " (recent median "
                + format(median) + ")", details));
    }

    private static Map<String, Object> details(String measure, int value, UsagePoint latest, String method) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("measure", measure);
        details.put("value", value);
        details.put("reportedAt", latest.reportedAt().toString());
        details.put("method", method);
        return details;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
