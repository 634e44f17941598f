package ai.dify.delms.systemtests.contract;

import ai.dify.delms.systemtests.support.TestData;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The check of {@link EventContractIT} against a real (embedded) broker holding known good and bad records. */
class PublishedEventsCheckTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final EventContract contract = EventContract.load();
    private static final JsonMapper json = JsonMapper.builder().build();

    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        broker.destroy();
    }

    @Test
    void readsEveryRecordFromTheBeginningAndNamesTheOnesThatBreakTheContract() throws Exception {
        // a broker of its own: delms.alerts holds just these records, one good, two not
        String topic = "delms.alerts";
        ObjectNode good = example();
        ObjectNode bad = example();
        ((ObjectNode) bad.path("data")).put("status", "FORGOTTEN");
        producer.send(new ProducerRecord<>(topic, "ENT-202601-000042", json.writeValueAsString(good))).get();
        producer.send(new ProducerRecord<>(topic, "ENT-202601-000042", json.writeValueAsString(bad))).get();
        producer.send(new ProducerRecord<>(topic, "ENT-202601-000042", "{}")).get();

        PublishedEventsCheck.Result result = PublishedEventsCheck.run(contract, broker.getBrokersAsString(),
                List.of(topic, "delms.missing-" + TestData.uniqueSuffix()), BOUND);

        assertThat(result.records()).isEqualTo(3);
        assertThat(result.incompleteTopics()).isEmpty();
        assertThat(result.recordsByTopicAndType()).containsEntry("delms.alerts delms.alert.raised.v1", 2);
        assertThat(result.violations())
                .anySatisfy(v -> assertThat(v).startsWith("delms.alerts delms.alert.raised.v1 /data/status")
                        .endsWith("[partition 0, offset 1]"))
                .anySatisfy(v -> assertThat(v).contains("required property 'type'").endsWith("offset 2]"))
                .noneSatisfy(v -> assertThat(v).endsWith("offset 0]"));
    }

    private static ObjectNode example() {
        return (ObjectNode) contract.document().path("components").path("messages").path("alertRaised")
                .path("examples").path(0).path("payload").deepCopy();
    }
}
