package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.platform.events.inbound.ConsumerFailure;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import ai.dify.delms.platform.test.metrics.PrometheusScrape;

/**
 * The chassis's figures as Prometheus scrapes them from {@code /actuator/prometheus}: the outbox's
 * backlog and the age of its oldest event, dead letters and failed deliveries per consumed topic
 * (there from the start, at 0), and each consumer's lag.
 */
@DelmsServiceTest
class ChassisMetricsIT {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Map<String, String> APP = Map.of("application", "chassis-test-app");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    DataSource dataSource;

    @Test
    void theOutboxBacklogAndItsOldestEventsAgeGrowWhileNothingIsSentAndFallBackAfter() throws Exception {
        try (Connection relayClaim = dataSource.getConnection()) {
            holdTheRelaysClaim(relayClaim);
            createWidget("backlog-" + UUID.randomUUID());

            Awaitility.await("the backlog shows").atMost(BOUND).untilAsserted(() -> {
                PrometheusScrape scrape = scrape();
                assertThat(scrape.value("delms_events_outbox_pending", APP)).isGreaterThanOrEqualTo(1);
                assertThat(scrape.value("delms_events_outbox_oldest_age_seconds", APP)).isGreaterThan(0);
            });
            relayClaim.rollback();
        }
        Awaitility.await("the backlog is sent").atMost(BOUND).untilAsserted(() -> {
            PrometheusScrape scrape = scrape();
            assertThat(scrape.value("delms_events_outbox_pending", APP)).isZero();
            assertThat(scrape.value("delms_events_outbox_oldest_age_seconds", APP)).isZero();
        });
    }

    @Test
    void deadLettersAndFailedDeliveriesAreCountedPerConsumedTopicFromZero() throws Exception {
        PrometheusScrape atStart = scrape();
        assertThat(atStart.of("delms_events_dead_lettered_total", Map.of("topic", ChassisTestApplication.GADGETS)))
                .hasSize(1);
        for (ConsumerFailure failure : ConsumerFailure.values()) {
            assertThat(atStart.of("delms_events_failed_deliveries_total",
                    Map.of("topic", ChassisTestApplication.TOPIC, "failure", failure.label()))).hasSize(1);
        }

        Map<String, String> widgets = Map.of("topic", ChassisTestApplication.TOPIC);
        double deadBefore = atStart.value("delms_events_dead_lettered_total", widgets);
        double unexpectedBefore = atStart.value("delms_events_failed_deliveries_total",
                Map.of("topic", ChassisTestApplication.TOPIC, "failure", "unexpected"));
        String widgetId = UUID.randomUUID().toString();
        kafka.send(ChassisTestApplication.TOPIC, widgetId, TestEvents.event(WidgetEchoes.FAILING, widgetId)
                .data(Map.of("id", widgetId, "name", "doomed", "size", 1, "version", 0)).toJson());

        Awaitility.await("the dead letter is counted").atMost(BOUND).untilAsserted(() -> {
            PrometheusScrape scrape = scrape();
            assertThat(scrape.value("delms_events_dead_lettered_total", widgets)).isEqualTo(deadBefore + 1);
            assertThat(scrape.value("delms_events_failed_deliveries_total",
                    Map.of("topic", ChassisTestApplication.TOPIC, "failure", "unexpected")))
                    .isGreaterThan(unexpectedBefore);
        });
    }

    /**
     * Kafka's own consumer metrics are bound: the lag of each consumer (the most records behind of
     * its partitions), one series per consumer client, whose id names the consumer group.
     */
    @Test
    void eachConsumersLagIsExposed() throws Exception {
        createWidget("lag-" + UUID.randomUUID());
        Awaitility.await("the consumers' lag").atMost(BOUND).untilAsserted(() -> assertThat(
                scrape().of("kafka_consumer_fetch_manager_records_lag_max", APP))
                .anySatisfy(sample -> assertThat(sample.labels().get("client_id")).contains("chassis-test-app"))
                .allSatisfy(sample -> assertThat(sample.value()).isGreaterThanOrEqualTo(0)));
    }

    /** Holds the relay's claim row in a transaction of its own: no instance can send until it ends. */
    private static void holdTheRelaysClaim(Connection connection) throws Exception {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
                ResultSet claimed = statement.executeQuery(
                        "select name from outbox_relay_claim where name = 'relay' for update")) {
            assertThat(claimed.next()).isTrue();
        }
    }

    private void createWidget(String name) throws Exception {
        mvc.perform(post("/api/v1/widgets").header("Authorization", bearer(tokens.adminToken()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\",\"size\":1}"))
                .andExpect(status().isCreated());
    }

    private PrometheusScrape scrape() throws Exception {
        return PrometheusScrape.of(mvc);
    }
}
