package ai.dify.delms.platform.test.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Reads and writes topics of the test broker directly, as an outside subscriber would: every read
 * starts at the beginning of the topic, without a consumer group.
 */
public final class TestKafka {

    /** How long {@link #awaitRecord} waits by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;

    public TestKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Waits (bounded) until the topic holds a record matching {@code match}, and returns it. */
    public ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        return awaitRecord(topic, match, DEFAULT_TIMEOUT);
    }

    public ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            return Awaitility.await("a matching record on " + topic).atMost(timeout).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (consumer.assignment().isEmpty() && !assignAll(consumer, topic)) {
                            return Optional.<ConsumerRecord<String, String>>empty();
                        }
                        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                        return seen.stream().filter(match).findFirst();
                    }, Optional::isPresent).orElseThrow();
        }
    }

    /** Waits (bounded) for a record with the given key. */
    public ConsumerRecord<String, String> awaitRecordWithKey(String topic, String key) {
        return awaitRecord(topic, r -> key.equals(r.key()));
    }

    /** Everything the topic holds now (reads until the end offsets seen at the start). */
    public List<ConsumerRecord<String, String>> records(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            if (!assignAll(consumer, topic)) {
                return List.of();
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Awaitility.await("reading " + topic + " to its end").atMost(DEFAULT_TIMEOUT).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                    });
            return records;
        }
    }

    /** Sends a record and waits until the broker has it. */
    public void send(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Sending to " + topic + " failed", e);
        }
    }

    /** A header's value as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private boolean assignAll(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<TopicPartition> assignment = partitions.stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assignment);
        consumer.seekToBeginning(assignment);
        return true;
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false));
    }
}
