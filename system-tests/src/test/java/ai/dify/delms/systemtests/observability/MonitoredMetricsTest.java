package ai.dify.delms.systemtests.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ai.dify.delms.systemtests.support.SystemUnderTest;

class MonitoredMetricsTest {

    @Test
    void findsTheMetricsOfAnExpressionAndNothingElse() {
        assertThat(MonitoredMetrics.in("""
                sum by (application) (rate(http_server_requests_seconds_count{status=~"5..", application="x"}[5m]))
                / sum by (application) (rate(http_server_requests_seconds_count[$__rate_interval])) > 0.05
                and on (application) max_over_time(delms_events_outbox_pending[15m]) > 1e3
                """)).containsExactlyInAnyOrder("http_server_requests_seconds_count", "delms_events_outbox_pending");
    }

    @Test
    void theRulesAndTheDashboardUseTheDomainMetrics() {
        assertThat(MonitoredMetrics.used(SystemUnderTest.repositoryRoot())).contains("delms_licenses",
                "delms_alerts_open", "delms_events_outbox_pending", "delms_events_outbox_oldest_age_seconds",
                "delms_events_dead_lettered_total", "kafka_consumer_fetch_manager_records_lag_max")
                .doesNotContain("application", "status", "uri", "topic", "client_id");
    }
}
