package ai.dify.delms.platform.events.deadletter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * How many dead letters each dead-letter topic holds and how many of them are not replayed yet,
 * from offsets only (end offsets against the replay group's committed ones): a few admin requests,
 * whatever the size of the topics. One admin client for the service's lifetime.
 */
public class DeadLetterBacklog implements AutoCloseable {

    private static final long TIMEOUT_MS = 10_000;

    private final Admin admin;
    private final String replayGroup;

    public DeadLetterBacklog(KafkaAdmin kafkaAdmin, String replayGroup, String application) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, application + "-dead-letter-backlog");
        this.admin = Admin.create(config);
        this.replayGroup = replayGroup;
    }

    /** One summary per consumed topic whose dead-letter topic exists. */
    public List<DeadLetterSummary> summaries(Collection<String> consumedTopics) {
        Map<String, String> deadLetterTopics = new HashMap<>();
        consumedTopics.forEach(topic -> deadLetterTopics.put(DeadLetterTopics.deadLetterTopic(topic), topic));
        Map<String, TopicDescription> described = describe(deadLetterTopics.keySet());
        List<TopicPartition> partitions = described.values().stream().flatMap(d -> d.partitions().stream()
                .map(p -> new TopicPartition(d.name(), p.partition()))).toList();
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> beginning = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, OffsetAndMetadata> replayed = get(admin.listConsumerGroupOffsets(replayGroup)
                .partitionsToOffsetAndMetadata());
        List<DeadLetterSummary> summaries = new ArrayList<>();
        consumedTopics.stream().sorted().forEach(topic -> {
            String deadLetterTopic = DeadLetterTopics.deadLetterTopic(topic);
            if (!described.containsKey(deadLetterTopic)) {
                return;
            }
            long total = 0;
            long pending = 0;
            for (TopicPartition partition : partitions) {
                if (partition.topic().equals(deadLetterTopic)) {
                    OffsetAndMetadata upTo = replayed.get(partition);
                    long first = Math.max(beginning.get(partition), upTo == null ? 0 : upTo.offset());
                    total += end.get(partition) - beginning.get(partition);
                    pending += Math.max(0, end.get(partition) - first);
                }
            }
            summaries.add(new DeadLetterSummary(topic, deadLetterTopic, total, pending));
        });
        return summaries;
    }

    private Map<String, TopicDescription> describe(Collection<String> topics) {
        Map<String, TopicDescription> described = new HashMap<>();
        admin.describeTopics(topics).topicNameValues().forEach((topic, description) -> {
            try {
                described.put(topic, get(description));
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        });
        return described;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, ListOffsetsResultInfo> answer = get(admin.listOffsets(request).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Kafka for dead-letter offsets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not give the dead-letter offsets: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not give the dead-letter offsets within " + TIMEOUT_MS + " ms",
                    e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
