package ai.dify.delms.platform.events.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;

import ai.dify.delms.platform.events.inbound.ConsumerFailure;
import ai.dify.delms.platform.problem.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists and replays the dead letters of a topic (decision 16). What was replayed is the committed
 * offset of the replay group on each {@code <topic>.dlt} partition: a replay republishes every
 * record from there to the end, each with its original key, value and headers, to the partition of
 * the topic it came from, and then moves the offset past it, so a second replay republishes nothing.
 * Replaying is safe for every consumer of the topic: each one deduplicates on the event id
 * ({@code IdempotentEventHandler}), so only a consumer that had failed on the event applies it.
 * A replay interrupted between a send and the commit sends again the next time, which is as harmless.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private static final Duration POLL = Duration.ofMillis(500);
    /** How long one listing or replay may take before it is abandoned (Kafka unreachable). */
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final int CLIENT_TIMEOUT_MS = 10_000;
    private static final String DEAD_LETTER_HEADERS = "kafka_dlt-";
    private static final Comparator<ConsumerRecord<byte[], byte[]>> IN_PARTITION_ORDER = Comparator
            .<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
            .thenComparingLong(ConsumerRecord::offset);

    private final ConsumerFactory<?, ?> consumers;
    private final ProducerFactory<?, ?> producers;
    private final String replayGroup;
    private final String clientId;
    private final JsonMapper json;

    public DeadLetters(ConsumerFactory<?, ?> consumers, ProducerFactory<?, ?> producers, String replayGroup,
            String application, JsonMapper json) {
        this.consumers = consumers;
        this.producers = producers;
        this.replayGroup = replayGroup;
        this.clientId = application + "-dead-letters";
        this.json = json;
    }

    /**
     * Up to {@code limit} dead letters of {@code topic} not replayed yet (with {@code all}, those
     * replayed already too), oldest first in each partition.
     */
    public DeadLetterListing list(String topic, boolean all, int limit) {
        String consumed = DeadLetterTopics.consumedTopic(topic);
        String deadLetterTopic = DeadLetterTopics.deadLetterTopic(consumed);
        try (Consumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitionsOf(consumer, deadLetterTopic);
            consumer.assign(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> replayedUpTo = replayedUpTo(consumer, partitions, beginning);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long pending = partitions.stream().mapToLong(p -> end.get(p) - replayedUpTo.get(p)).sum();
            partitions.forEach(p -> consumer.seek(p, all ? beginning.get(p) : replayedUpTo.get(p)));
            List<ConsumerRecord<byte[], byte[]>> read = read(consumer, end, limit);
            List<DeadLetter> listed = read.stream().sorted(IN_PARTITION_ORDER).limit(limit)
                    .map(r -> DeadLetter.of(r, r.offset() < replayedUpTo.get(partitionOf(r)), json)).toList();
            boolean more = read.size() > limit || !reachedEnd(consumer, end);
            return new DeadLetterListing(consumed, deadLetterTopic, pending, listed, more);
        }
    }

    /** Republishes every dead letter of {@code topic} not replayed yet to the topic, and marks it replayed. */
    public synchronized DeadLetterReplay replay(String topic) {
        String consumed = DeadLetterTopics.consumedTopic(topic);
        String deadLetterTopic = DeadLetterTopics.deadLetterTopic(consumed);
        try (Consumer<byte[], byte[]> consumer = consumer(); Producer<byte[], byte[]> producer = producer()) {
            List<TopicPartition> partitions = partitionsOf(consumer, deadLetterTopic);
            int topicPartitions = producer.partitionsFor(consumed).size();
            consumer.assign(partitions);
            Map<TopicPartition, Long> from = replayedUpTo(consumer, partitions, consumer.beginningOffsets(partitions));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            partitions.forEach(p -> consumer.seek(p, from.get(p)));
            Map<TopicPartition, Long> next = new HashMap<>(from);
            long replayed = 0;
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (!reachedEnd(consumer, end)) {
                checkDeadline(deadline, "replaying " + deadLetterTopic);
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = partitionOf(record);
                    if (record.offset() < end.get(partition)) {
                        sent.add(producer.send(backToTopic(record, consumed, topicPartitions)));
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    }
                }
                if (sent.isEmpty()) {
                    continue;
                }
                awaitAll(producer, sent, consumed);
                // only now: a send that failed leaves its records to the next replay
                consumer.commitSync(done);
                done.forEach((partition, offset) -> next.put(partition, offset.offset()));
                replayed += sent.size();
            }
            List<DeadLetterReplay.Range> ranges = partitions.stream().filter(p -> next.get(p) > from.get(p))
                    .map(p -> new DeadLetterReplay.Range(p.partition(), from.get(p), next.get(p))).toList();
            log.info("Replayed {} dead letters of {} to {}: {}", replayed, deadLetterTopic, consumed, ranges);
            return new DeadLetterReplay(consumed, deadLetterTopic, replayed, ranges);
        }
    }

    /** The dead letter as it was consumed: same key, value and headers, same partition, without the failure. */
    private static ProducerRecord<byte[], byte[]> backToTopic(ConsumerRecord<byte[], byte[]> deadLetter, String topic,
            int topicPartitions) {
        Integer partition = DeadLetter.integer(deadLetter.headers(), KafkaHeaders.DLT_ORIGINAL_PARTITION);
        if (partition != null && (partition < 0 || partition >= topicPartitions)) {
            partition = null; // the key's partition then
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS) && !header.key().equals(ConsumerFailure.HEADER)
                    && !header.key().equals(DeadLetter.REPLAYED_FROM_HEADER)) {
                headers.add(header);
            }
        }
        headers.add(DeadLetter.REPLAYED_FROM_HEADER, (deadLetter.topic() + "-" + deadLetter.partition() + "@"
                + deadLetter.offset()).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, partition, deadLetter.key(), deadLetter.value(), headers);
    }

    private static void awaitAll(Producer<byte[], byte[]> producer, List<Future<RecordMetadata>> sent, String topic) {
        producer.flush();
        try {
            for (Future<RecordMetadata> send : sent) {
                send.get(CLIENT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Replaying to " + topic + " failed; what was not confirmed is replayed"
                    + " the next time", e);
        }
    }

    /** Reads from the positions to {@code end}, or until at least {@code max} records are read. */
    private static List<ConsumerRecord<byte[], byte[]>> read(Consumer<byte[], byte[]> consumer,
            Map<TopicPartition, Long> end, int max) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (records.size() < max && !reachedEnd(consumer, end)) {
            checkDeadline(deadline, "reading " + end.keySet());
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(partitionOf(record))) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    /** Per partition, the first offset not replayed yet: the replay group's, or the partition's beginning. */
    private static Map<TopicPartition, Long> replayedUpTo(Consumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions, Map<TopicPartition, Long> beginning) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            // records older than the topic's retention are gone: start at what is left
            from.put(partition, Math.max(beginning.get(partition), offset == null ? 0 : offset.offset()));
        }
        return from;
    }

    private static List<TopicPartition> partitionsOf(Consumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofMillis(CLIENT_TIMEOUT_MS));
        if (partitions == null || partitions.isEmpty()) {
            throw new NotFoundException("There is no dead-letter topic " + topic + ".");
        }
        return partitions.stream().map(p -> new TopicPartition(topic, p.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    private static boolean reachedEnd(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static void checkDeadline(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka did not answer within " + BOUND.toSeconds() + " s while " + what);
        }
    }

    private Consumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, replayGroup);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CLIENT_TIMEOUT_MS);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Producer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, CLIENT_TIMEOUT_MS);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
