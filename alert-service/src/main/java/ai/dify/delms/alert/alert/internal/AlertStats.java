package ai.dify.delms.alert.alert.internal;

import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import java.util.List;
import java.util.Map;

/** The dashboard of open alerts: totals, by type, by severity, and by both. */
public record AlertStats(long open, long acknowledged, Map<AlertType, Long> byType,
        Map<AlertSeverity, Long> bySeverity, List<TypeAndSeverity> byTypeAndSeverity) {

    public record TypeAndSeverity(AlertType type, AlertSeverity severity, long open) {
    }
}
