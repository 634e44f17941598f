package ai.dify.delms.systemtests.contract;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Everything on one topic at the moment of reading, as an outside subscriber sees it: a plain
 * consumer without a group reads every partition from its beginning up to the end it had when the
 * read started, within a time bound.
 */
final class TopicContents {

    /** The records read, and whether the bound ran out before every partition was read to its end. */
    record Snapshot(String topic, boolean exists, List<ConsumerRecord<String, String>> records, boolean complete) {
    }

    private TopicContents() {
    }

    static Snapshot read(String bootstrapServers, String topic, Duration bound) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "delms-system-tests-contract");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // only look: asking for a missing topic must not create it with broker defaults
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic);
            if (partitions == null || partitions.isEmpty()) {
                return new Snapshot(topic, false, List.of(), true);
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(bound);
            while (!readToEnd(consumer, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    return new Snapshot(topic, true, records, false);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    // records written after the read started are left for the next run
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
            return new Snapshot(topic, true, records, true);
        }
    }

    private static boolean readToEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
