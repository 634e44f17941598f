package ai.dify.delms.systemtests.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.SystemUnderTest;

/**
 * Every metric the alert rules and the Grafana dashboard of infra/monitoring query is one the
 * running applications expose on /actuator/prometheus: a renamed or dropped metric would leave an
 * alert that never fires and an empty panel, silently.
 */
@SystemTest
class MonitoredMetricsIT {

    private static final Pattern SAMPLE_NAME = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyMetricTheRulesAndTheDashboardQueryIsExposed() throws Exception {
        Map<String, URI> scrapes = new LinkedHashMap<>();
        for (String service : SystemUnderTest.services()) {
            scrapes.put(service, URI.create(SystemUnderTest.service(service) + "/actuator/prometheus"));
        }
        scrapes.put("gateway", URI.create(SystemUnderTest.gatewayManagement() + "/actuator/prometheus"));

        Set<String> exposed = new TreeSet<>();
        for (Map.Entry<String, URI> scrape : scrapes.entrySet()) {
            var response = client.send(HttpRequest.newBuilder(scrape.getValue()).timeout(Duration.ofSeconds(20)).GET()
                    .build(), BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s of %s", scrape.getValue(), scrape.getKey()).isEqualTo(200);
            Matcher sample = SAMPLE_NAME.matcher(response.body());
            while (sample.find()) {
                exposed.add(sample.group(1));
            }
        }

        Set<String> used = MonitoredMetrics.used(SystemUnderTest.repositoryRoot());
        assertThat(used).as("metrics of %s and %s", MonitoredMetrics.RULES, MonitoredMetrics.DASHBOARD)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(exposed).as("exposed by %s", scrapes.keySet()).contains(name));
    }
}
