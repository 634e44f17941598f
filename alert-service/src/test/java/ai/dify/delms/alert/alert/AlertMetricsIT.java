package ai.dify.delms.alert.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.alert.alert.internal.AlertRepository;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.metrics.PrometheusScrape;

/** {@code delms_alerts_open{type}} on /actuator/prometheus counts the alerts not resolved yet. */
@DelmsServiceTest
class AlertMetricsIT {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    AlertRepository alerts;

    @Test
    void raisedAlertsCountByTypeUntilTheyAreResolved() throws Exception {
        PrometheusScrape before = PrometheusScrape.of(mvc);
        for (AlertType type : AlertType.values()) {
            assertThat(before.of("delms_alerts_open", Map.of("type", type.name()))).as("series of %s", type).hasSize(1);
        }
        double inactive = open(before, AlertType.INACTIVE);

        Alert first = alerts.save(inactiveAlert());
        alerts.save(inactiveAlert());
        Awaitility.await("two more open INACTIVE alerts").atMost(BOUND)
                .untilAsserted(() -> assertThat(open(PrometheusScrape.of(mvc), AlertType.INACTIVE)).isEqualTo(inactive + 2));

        first.resolve(Instant.now());
        alerts.save(first);
        Awaitility.await("the resolved one no longer counts").atMost(BOUND)
                .untilAsserted(() -> assertThat(open(PrometheusScrape.of(mvc), AlertType.INACTIVE)).isEqualTo(inactive + 1));
    }

    private static Alert inactiveAlert() {
        String licenseId = "ENT-202503-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        return Alert.raise(licenseId, UUID.randomUUID(), "acme", AlertType.INACTIVE, AlertSeverity.INFO, "No usage",
                Map.of(), Instant.now());
    }

    private static double open(PrometheusScrape scrape, AlertType type) {
        return scrape.value("delms_alerts_open", Map.of("type", type.name()));
    }
}
