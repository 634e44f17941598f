package ai.dify.delms.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * infra/monitoring: the Prometheus alert rules are valid and each one fires in its unit test
 * ({@code promtool}, from Debian's prometheus package), and the Grafana dashboard is a dashboard an
 * operator can import as is. That the metrics they name are the ones the services expose is the
 * system tests' {@code MonitoredMetricsIT}, against the running services.
 */
class MonitoringTest {

    private static final String INSTALL = "apt-get install -y --no-install-recommends prometheus (Debian's package; ./delms installs it)";
    static final String RULES = "infra/monitoring/delms-alerts.yml";
    static final String RULE_TESTS = "infra/monitoring/delms-alerts.test.yml";
    static final String DASHBOARD = "infra/monitoring/grafana/delms.json";
    static final String PROMETHEUS = "infra/monitoring/prometheus.yml";

    @Test
    void theAlertRulesAreValid() {
        assertThat(Command.run(INSTALL, "promtool", "check", "rules", RULES)).contains("SUCCESS");
    }

    @Test
    void everyAlertFiresInTheUnitTestsAndTheyPass() {
        assertThat(Command.run(INSTALL, "promtool", "test", "rules", RULE_TESTS)).contains("SUCCESS");

        Set<String> alerts = new TreeSet<>();
        Yaml.document(Repository.read(RULES)).path("groups")
                .forEach(group -> group.path("rules").forEach(rule -> alerts.add(rule.path("alert").asText())));
        Set<String> firing = new TreeSet<>();
        Yaml.document(Repository.read(RULE_TESTS)).path("tests").forEach(test -> test.path("alert_rule_test")
                .forEach(check -> {
                    if (!check.path("exp_alerts").isEmpty()) {
                        firing.add(check.path("alertname").asText());
                    }
                }));
        assertThat(alerts).as("alerts of %s", RULES).isNotEmpty();
        assertThat(firing).as("alerts %s expects to fire", RULE_TESTS).isEqualTo(alerts);
    }

    /** The local Prometheus scrapes every service and the gateway's management port, as the table has them. */
    @Test
    void theLocalPrometheusScrapesEveryApplicationOfTheTable() {
        assertThat(Command.run(INSTALL, "promtool", "check", "config", PROMETHEUS)).contains("SUCCESS");

        Components table = Components.read();
        Set<String> expected = new TreeSet<>();
        table.ofKind("service").forEach(service -> expected.add("127.0.0.1:" + service.port()));
        expected.add("127.0.0.1:" + table.get("gateway").probePort());
        Set<String> targets = new TreeSet<>();
        Yaml.document(Repository.read(PROMETHEUS)).path("scrape_configs").forEach(job -> job.path("static_configs")
                .forEach(config -> config.path("targets").forEach(target -> targets.add(target.asText()))));
        assertThat(targets).isEqualTo(expected);
    }

    @Test
    void theDashboardQueriesPrometheusThroughItsDatasourceVariable() {
        JsonNode dashboard = Yaml.document(Repository.read(DASHBOARD));
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(dashboard.path("uid").asText()).isEqualTo("delms");
        List<String> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
        soft.assertThat(variables).contains("datasource", "application");

        Set<Integer> ids = new HashSet<>();
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            soft.assertThat(ids.add(panel.path("id").asInt())).as("id of %s is unique", title).isTrue();
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            soft.assertThat(panel.path("datasource").path("uid").asText()).as("datasource of %s", title)
                    .isEqualTo("${datasource}");
            soft.assertThat(panel.path("description").asText()).as("description of %s", title).isNotBlank();
            soft.assertThat(panel.path("targets")).as("queries of %s", title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                soft.assertThat(target.path("expr").asText()).as("query of %s", title).isNotBlank();
                queries++;
            }
        }
        soft.assertThat(queries).isPositive();
        soft.assertAll();
    }
}
