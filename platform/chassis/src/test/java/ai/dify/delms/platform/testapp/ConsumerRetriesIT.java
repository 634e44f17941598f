package ai.dify.delms.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ai.dify.delms.platform.events.inbound.InboundEventsAutoConfiguration;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.db.TestDatabase;
import ai.dify.delms.platform.test.db.TestDatabaseServer;
import ai.dify.delms.platform.test.kafka.TcpForwarder;
import ai.dify.delms.platform.test.kafka.TestKafka;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The database goes away while an event waits to be consumed: the consumer retries with back-off
 * for as long as it is away (far longer than the few quick retries of any other failure), and
 * applies the event once it is back. Nothing is dead-lettered.
 */
@DelmsServiceTest
@DirtiesContext // its consumers must not outlive the test with the database switched off
class ConsumerRetriesIT {

    private static final String TOPIC = ChassisTestApplication.GADGETS;
    /** Enough failed deliveries that the old handler (three retries) would have dead-lettered the event. */
    private static final int FAILURES_WHILE_AWAY = 6;
    private static final Pattern SERVER = Pattern.compile("^(jdbc:[a-z]+://)([^/]+)(/.*)$");

    /** The service's only way to its database, closed by the test for the outage. */
    private static final TestDatabase DATABASE = TestDatabaseServer.get().createDatabase();
    private static final TcpForwarder DATABASE_LINK = TcpForwarder.to(server(DATABASE.jdbcUrl()).group(2));

    static {
        DATABASE_LINK.open();
    }

    @DynamicPropertySource
    static void databaseBehindALinkTheTestCanCut(DynamicPropertyRegistry registry) {
        Matcher url = server(DATABASE.jdbcUrl());
        registry.add("spring.datasource.url", () -> url.group(1) + DATABASE_LINK.address() + url.group(3));
        registry.add("spring.datasource.username", DATABASE::username);
        registry.add("spring.datasource.password", DATABASE::password);
        // a missing database shows within a second, not after Hikari's default 30 s
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
        registry.add("spring.datasource.hikari.validation-timeout", () -> "500");
        // waits of at most 2 s: the event is applied soon after the database is back
        registry.add("delms.events.consumer.max-back-off", () -> "PT2S");
    }

    @Autowired
    TestKafka kafka;
    @Autowired
    GadgetDeliveries gadgets;
    @Autowired
    MeterRegistry meters;

    @Test
    void anEventMetWhileTheDatabaseIsDownIsAppliedOnceItIsBack() {
        String key = "outage-" + UUID.randomUUID();
        String before = UUID.randomUUID().toString();
        kafka.send(TOPIC, key, delivered(before).toJson());
        Awaitility.await("the consumer is up and caught up").atMost(Duration.ofSeconds(60))
                .until(() -> gadgets.deliveries(before) == 1);

        DATABASE_LINK.close();
        double failedBefore = transientFailures();
        String during = UUID.randomUUID().toString();
        kafka.send(TOPIC, key, delivered(during).toJson());
        Awaitility.await("transient failures while the database is away").atMost(Duration.ofSeconds(90))
                .until(() -> transientFailures() - failedBefore >= FAILURES_WHILE_AWAY);
        DATABASE_LINK.open();

        Awaitility.await("the event applied once the database is back").atMost(Duration.ofSeconds(60))
                .ignoreExceptions() // the test's own queries fail too until the pool has reconnected
                .until(() -> gadgets.deliveries(during) == 1);
        assertThat(kafka.records(TOPIC + ".dlt")).noneMatch(record -> key.equals(record.key()));
    }

    private double transientFailures() {
        Counter counter = meters.find(InboundEventsAutoConfiguration.FAILED_DELIVERY_METRIC).tag("topic", TOPIC)
                .tag("failure", "transient").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Matcher server(String jdbcUrl) {
        Matcher matcher = SERVER.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new IllegalStateException("Unexpected test database URL " + jdbcUrl);
        }
        return matcher;
    }

    private static TestEvents delivered(String gadgetId) {
        return TestEvents.event(GadgetDeliveries.DELIVERED, gadgetId).source("/delms/gadget-service")
                .data(Map.of("id", gadgetId));
    }
}
