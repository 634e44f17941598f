package ai.dify.delms.systemtests.support;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Kafka helpers of the system tests against a real (embedded KRaft) broker: they must not see what is not there. */
class KafkaHelpersTest {

    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        broker.destroy();
    }

    @Test
    void readerSeesOnlyRecordsWrittenSinceItsStartTime() throws Exception {
        String topic = "reader-since-" + TestData.uniqueSuffix();
        RecordMetadata old = send(topic, "old");
        Instant since = Instant.ofEpochMilli(old.timestamp() + 1);

        try (KafkaTopicReader reader = KafkaTopicReader.since(broker.getBrokersAsString(), topic, since)) {
            send(topic, "new");

            assertThat(reader.awaitRecord("the new record", r -> "new".equals(r.key()), Duration.ofSeconds(20)).key()).isEqualTo("new");
            assertThatThrownBy(() -> reader.awaitRecord("the old record", r -> "old".equals(r.key()), Duration.ofSeconds(2)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("the old record");
        }
    }

    @Test
    void readerPicksUpATopicCreatedAfterItStartedWithoutCreatingIt() throws Exception {
        String topic = "reader-late-" + TestData.uniqueSuffix();

        try (KafkaTopicReader reader = KafkaTopicReader.since(broker.getBrokersAsString(), topic, Instant.now());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            assertThatThrownBy(() -> reader.awaitRecord("anything", r -> true, Duration.ofSeconds(1))).isInstanceOf(AssertionError.class);
            assertThat(admin.listTopics().names().get()).doesNotContain(topic);

            send(topic, "first");

            assertThat(reader.awaitRecord("the first record", r -> "first".equals(r.key()), Duration.ofSeconds(20)).key()).isEqualTo("first");
        }
    }

    @Test
    void consumerGroupWaitEndsOnlyAfterTheLiveGroupCommittedPastTheRecord() throws Exception {
        String topic = "groups-" + TestData.uniqueSuffix();
        RecordMetadata first = send(topic, "first");
        TopicPartition partition = new TopicPartition(topic, first.partition());
        CountDownLatch assigned = new CountDownLatch(1);
        AtomicBoolean commit = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread member = new Thread(() -> consumeInGroup("subscriber", topic, assigned, commit, running), "group-member");
        member.start();

        try (KafkaConsumerGroups groups = KafkaConsumerGroups.on(broker.getBrokersAsString())) {
            assertThat(assigned.await(30, TimeUnit.SECONDS)).as("member joined").isTrue();
            // a live member that has not committed yet: still lagging
            assertThatThrownBy(() -> groups.awaitProcessedByActiveGroups(partition, first.offset(), Duration.ofSeconds(3)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("subscriber");

            commit.set(true);
            assertThat(groups.awaitProcessedByActiveGroups(partition, first.offset(), Duration.ofSeconds(20))).containsExactly("subscriber");

            running.set(false);
            member.join(Duration.ofSeconds(20).toMillis());
            RecordMetadata second = send(topic, "second");
            // the group is empty now: a leftover, not a subscriber to wait for
            assertThat(groups.awaitProcessedByActiveGroups(partition, second.offset(), Duration.ofSeconds(10))).isEmpty();
        } finally {
            running.set(false);
            member.join(Duration.ofSeconds(20).toMillis());
        }
    }

    private static void consumeInGroup(String group, String topic, CountDownLatch assigned, AtomicBoolean commit, AtomicBoolean running) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned.countDown();
                }
            });
            while (running.get()) {
                consumer.poll(Duration.ofMillis(100));
                if (commit.get()) {
                    consumer.commitSync();
                }
            }
        }
    }

    private static RecordMetadata send(String topic, String key) throws Exception {
        return producer.send(new ProducerRecord<>(topic, key, key.getBytes(StandardCharsets.UTF_8))).get();
    }
}
