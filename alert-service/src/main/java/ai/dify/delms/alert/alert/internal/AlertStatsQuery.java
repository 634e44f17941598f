package ai.dify.delms.alert.alert.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts open alerts (one grouped query over the open ones). */
@Service
class AlertStatsQuery {

    private final AlertRepository alerts;

    AlertStatsQuery(AlertRepository alerts) {
        this.alerts = alerts;
    }

    @Transactional(readOnly = true)
    AlertStats current() {
        Map<AlertType, Long> byType = new EnumMap<>(AlertType.class);
        Map<AlertSeverity, Long> bySeverity = new EnumMap<>(AlertSeverity.class);
        Map<AlertType, Map<AlertSeverity, Long>> both = new EnumMap<>(AlertType.class);
        for (AlertType type : AlertType.values()) {
            byType.put(type, 0L);
        }
        for (AlertSeverity severity : AlertSeverity.values()) {
            bySeverity.put(severity, 0L);
        }
        long open = 0;
        long acknowledged = 0;
        for (AlertRepository.OpenAlertCount count : alerts.countOpen()) {
            open += count.getCount();
            if (count.getStatus() == AlertStatus.ACKNOWLEDGED) {
                acknowledged += count.getCount();
            }
            byType.merge(count.getType(), count.getCount(), Long::sum);
            bySeverity.merge(count.getSeverity(), count.getCount(), Long::sum);
            both.computeIfAbsent(count.getType(), t -> new EnumMap<>(AlertSeverity.class))
                    .merge(count.getSeverity(), count.getCount(), Long::sum);
        }
        List<AlertStats.TypeAndSeverity> byTypeAndSeverity = new ArrayList<>();
        both.forEach((type, severities) -> severities.forEach(
                (severity, n) -> byTypeAndSeverity.add(new AlertStats.TypeAndSeverity(type, severity, n))));
        return new AlertStats(open, acknowledged, byType, bySeverity, byTypeAndSeverity);
    }
}
