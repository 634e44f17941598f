package ai.dify.delms.license.license.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ai.dify.delms.license.license.LicenseStatus;
import ai.dify.delms.platform.metrics.DomainGauges;

/**
 * {@value #METRIC}{@code {status}}: how many licenses are in each status (docs/observability.md), one
 * count per status from the status index, read at most every {@code delms.metrics.gauge-max-age}.
 */
@Component
class LicenseMetrics {

    static final String METRIC = "delms.licenses";

    LicenseMetrics(DomainGauges gauges, JdbcTemplate jdbc) {
        gauges.countsBy(METRIC, "Licenses by status", "status",
                Arrays.stream(LicenseStatus.values()).map(Enum::name).toList(),
                () -> jdbc.query("select status, count(*) from license group by status", rows -> {
                    Map<String, Long> counts = new HashMap<>();
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                    return counts;
                }));
    }
}
