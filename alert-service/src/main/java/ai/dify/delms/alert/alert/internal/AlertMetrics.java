package ai.dify.delms.alert.alert.internal;

import ai.dify.delms.alert.alert.AlertType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ai.dify.delms.platform.metrics.DomainGauges;

/**
 * {@value #METRIC}{@code {type}}: the alerts not resolved yet (open or acknowledged), by type
 * (docs/observability.md). Counted through the unique key that holds one open alert per license and
 * type, read at most every {@code delms.metrics.gauge-max-age}.
 */
@Component
public class AlertMetrics {

    static final String METRIC = "delms.alerts.open";

    AlertMetrics(DomainGauges gauges, JdbcTemplate jdbc) {
        gauges.countsBy(METRIC, "Alerts not resolved yet (open or acknowledged), by type", "type",
                Arrays.stream(AlertType.values()).map(Enum::name).toList(),
                () -> jdbc.query("select type, count(*) from alert where open_key is not null group by type", rows -> {
                    Map<String, Long> counts = new HashMap<>();
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                    return counts;
                }));
    }
}
