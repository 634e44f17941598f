package ai.dify.delms.systemtests.support;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Reads one topic as an outside subscriber does (a plain Kafka client, no consumer group, nothing
 * committed), starting at the records written since a point in time. Create it before the action
 * whose event you expect, then {@link #awaitRecord wait} for that event with a bound. A topic that
 * does not exist yet is picked up once it appears.
 */
public final class KafkaTopicReader implements AutoCloseable {

    private final String topic;
    private final Instant since;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    private boolean assigned;

    private KafkaTopicReader(String bootstrapServers, String topic, Instant since) {
        this.topic = topic;
        this.since = since;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "delms-system-tests-reader");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // only look: asking for a missing topic must not create it with broker defaults
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        assignIfTopicExists();
    }

    /** A reader of the records written to {@code topic} from {@code since} on. */
    public static KafkaTopicReader since(String topic, Instant since) {
        return since(SystemUnderTest.kafkaBootstrap(), topic, since);
    }

    /** The same on another broker. */
    public static KafkaTopicReader since(String bootstrapServers, String topic, Instant since) {
        return new KafkaTopicReader(bootstrapServers, topic, since);
    }

    /** A reader of the records written to {@code topic} from now on. */
    public static KafkaTopicReader fromNow(String topic) {
        return since(topic, Instant.now());
    }

    /**
     * Waits up to {@code bound} for a record that matches; fails with what was read instead.
     *
     * @param description what is awaited, for the failure message
     */
    public ConsumerRecord<String, byte[]> awaitRecord(String description, Predicate<ConsumerRecord<String, byte[]>> matcher, Duration bound) {
        AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
        try {
            await(description + " on " + topic)
                    .atMost(bound)
                    .pollInSameThread() // a KafkaConsumer belongs to one thread
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        pollOnce(matcher).ifPresent(found::set);
                        return found.get() != null;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no record (" + description + ") on " + topic + " within " + bound
                    + "; read " + seen.size() + " other record(s) since " + since + ": " + summary(), e);
        }
        return found.get();
    }

    /** Every record from {@code since} up to the topic's end as it is now (in each partition's order). */
    public List<ConsumerRecord<String, byte[]>> readToEnd() {
        if (!assigned && !assignIfTopicExists()) {
            return List.of();
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        await("reading " + topic + " to its end").atMost(Duration.ofSeconds(60)).pollInSameThread()
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    consumer.poll(Duration.ofMillis(250)).forEach(records::add);
                    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                });
        return records;
    }

    private Optional<ConsumerRecord<String, byte[]>> pollOnce(Predicate<ConsumerRecord<String, byte[]>> matcher) {
        if (!assigned && !assignIfTopicExists()) {
            return Optional.empty();
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
            if (matcher.test(record)) {
                return Optional.of(record);
            }
            seen.add(record);
        }
        return Optional.empty();
    }

    private boolean assignIfTopicExists() {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic);
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<TopicPartition> topicPartitions = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(topicPartitions);
        // end offsets first: if no record is at or after `since` yet, everything from the end on is new
        Map<TopicPartition, Long> ends = consumer.endOffsets(topicPartitions);
        Map<TopicPartition, OffsetAndTimestamp> fromTime = consumer.offsetsForTimes(
                topicPartitions.stream().collect(Collectors.toMap(Function.identity(), tp -> since.toEpochMilli())));
        for (TopicPartition partition : topicPartitions) {
            OffsetAndTimestamp offset = fromTime.get(partition);
            consumer.seek(partition, offset != null ? offset.offset() : ends.get(partition));
        }
        assigned = true;
        return true;
    }

    private String summary() {
        return seen.stream().limit(20)
                .map(r -> r.partition() + "@" + r.offset() + " key=" + r.key() + " type=" + CloudEvent.of(r).type())
                .collect(Collectors.joining(", ", "[", seen.size() > 20 ? ", ...]" : "]"));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
