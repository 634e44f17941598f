package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.platform.events.inbound.InboundEventsAutoConfiguration;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class ChassisEventsIT {

    private static final String DLT = ChassisTestApplication.TOPIC + ".dlt";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    WidgetEchoes echoes;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JsonMapper json;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void committedChangePublishesCloudEventKeyedByAggregateId() throws Exception {
        String body = mvc.perform(post("/api/v1/widgets").header("Authorization", bearer(tokens.adminToken()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"evt-published\",\"size\":3}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();

        ConsumerRecord<String, String> record = kafka.awaitRecordWithKey(ChassisTestApplication.TOPIC, id);
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(UUID.fromString(event.get("id").asString())).isNotNull();
        assertThat(event.get("source").asString()).isEqualTo("/delms/chassis-test-app");
        assertThat(event.get("type").asString()).isEqualTo("delms.widget.created.v1");
        assertThat(event.get("subject").asString()).isEqualTo(id);
        assertThat(event.get("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(event.get("traceparent").asString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(event.get("actorsubject").asString()).isEqualTo("alice");
        assertThat(event.get("actorusername").asString()).isEqualTo("alice");
        assertThat(event.get("actorclientid").asString()).isEqualTo("delms-cli");
        assertThat(event.get("data").get("name").asString()).isEqualTo("evt-published");
        assertThat(event.get("data").get("size").asInt()).isEqualTo(3);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> echoes.echoes(id) == 1);
    }

    /** A typed event raised with no transaction to commit it with fails its caller and is stored nowhere. */
    @Test
    void anEventRaisedOutsideATransactionIsRefusedAndNotStored() {
        UUID id = UUID.randomUUID();
        WidgetEvents.WidgetCreated event = new WidgetEvents.WidgetCreated(new WidgetDto(id, "no-tx", 1, 0));

        assertThatThrownBy(() -> publisher.publishEvent(event)).isInstanceOf(IllegalTransactionStateException.class);

        assertThat(jdbc.queryForObject("select count(*) from outbox_event where record_key = ?", Long.class,
                id.toString())).isZero();
    }

    @Test
    void anEventPublishedWhileApplyingAConsumedOneNamesThePersonBehindIt() throws Exception {
        String name = "requested-" + UUID.randomUUID();
        kafka.send(ChassisTestApplication.TOPIC, name, TestEvents.event(WidgetEchoes.REQUESTED, name)
                .source("/delms/another-service").actor("f3a1-bob", "bob", "delms-web")
                .data(Map.of("name", name, "size", 4, "version", 0)).toJson());

        ConsumerRecord<String, String> created = kafka.awaitRecord(ChassisTestApplication.TOPIC,
                r -> r.value().contains(WidgetEvents.CREATED) && r.value().contains(name));
        JsonNode event = json.readTree(created.value());
        assertThat(event.get("actorsubject").asString()).isEqualTo("f3a1-bob");
        assertThat(event.get("actorusername").asString()).isEqualTo("bob");
        assertThat(event.get("actorclientid").asString()).isEqualTo("delms-web");
    }

    @Test
    void redeliveredEventHasNoSecondEffect() {
        String widgetId = UUID.randomUUID().toString();
        TestEvents event = widgetCreated(widgetId);
        kafka.send(ChassisTestApplication.TOPIC, widgetId, event.toJson());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> echoes.echoes(widgetId) == 1);

        kafka.send(ChassisTestApplication.TOPIC, widgetId, event.toJson());
        // a later event with the same key lands on the same partition, so once it is handled the duplicate was too
        String markerId = UUID.randomUUID().toString();
        kafka.send(ChassisTestApplication.TOPIC, widgetId, widgetCreated(markerId).toJson());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> echoes.echoes(markerId) == 1);

        assertThat(echoes.echoes(widgetId)).isEqualTo(1);
    }

    @Test
    void unreadableRecordGoesToDeadLetterTopicWithReason() {
        String key = "poison-" + UUID.randomUUID();
        double before = deadLettered();
        kafka.send(ChassisTestApplication.TOPIC, key, "this is not a cloud event");

        ConsumerRecord<String, String> dead = kafka.awaitRecordWithKey(DLT, key);
        assertThat(dead.value()).isEqualTo("this is not a cloud event");
        assertThat(TestKafka.header(dead, "kafka_dlt-exception-message")).contains("not JSON");
        assertThat(TestKafka.header(dead, "kafka_dlt-original-topic")).isEqualTo(ChassisTestApplication.TOPIC);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> deadLettered() > before);
    }

    @Test
    void eventWhoseHandlerKeepsFailingIsDeadLetteredAfterRetries() {
        String widgetId = UUID.randomUUID().toString();
        TestEvents event = TestEvents.event(WidgetEchoes.FAILING, widgetId)
                .data(Map.of("id", widgetId, "name", "failing", "size", 1, "version", 0));
        kafka.send(ChassisTestApplication.TOPIC, widgetId, event.toJson());

        ConsumerRecord<String, String> dead = kafka.awaitRecordWithKey(DLT, widgetId);
        assertThat(TestKafka.header(dead, "kafka_dlt-exception-message")).contains("handler always fails");
    }

    @Test
    void unknownEventTypeIsIgnored() {
        String key = UUID.randomUUID().toString();
        kafka.send(ChassisTestApplication.TOPIC, key,
                TestEvents.event("delms.widget.repainted.v7", key).data(Map.of("colour", "blue")).toJson());
        String markerId = UUID.randomUUID().toString();
        kafka.send(ChassisTestApplication.TOPIC, key, widgetCreated(markerId).toJson());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> echoes.echoes(markerId) == 1);

        assertThat(kafka.records(DLT)).noneMatch(r -> key.equals(r.key()));
    }

    private static TestEvents widgetCreated(String widgetId) {
        return TestEvents.event("delms.widget.created.v1", widgetId).source("/delms/chassis-test-app")
                .data(Map.of("id", widgetId, "name", "w-" + widgetId, "size", 2, "version", 0, "addedLater", true));
    }

    private double deadLettered() {
        var counter = meters.find(InboundEventsAutoConfiguration.DEAD_LETTER_METRIC)
                .tag("topic", ChassisTestApplication.TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }
}
