package ai.dify.delms.systemtests.chaos;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import ai.dify.delms.systemtests.support.CloudEvent;
import ai.dify.delms.systemtests.support.KafkaTopicReader;

/**
 * What reached a topic for some keys since a moment: records, distinct event ids, and records that
 * repeat an id already seen (at-least-once delivery allows them; consumers must absorb them).
 */
record Delivered(long records, long distinctEvents, long duplicates) {

    static Delivered on(String topic, Instant since, Collection<String> keys) {
        Set<String> wanted = new HashSet<>(keys);
        try (KafkaTopicReader reader = KafkaTopicReader.since(topic, since)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readToEnd().stream()
                    .filter(r -> wanted.contains(r.key())).toList();
            Set<String> ids = new HashSet<>();
            long duplicates = records.stream().filter(r -> !ids.add(CloudEvent.of(r).id())).count();
            return new Delivered(records.size(), ids.size(), duplicates);
        }
    }

    @Override
    public String toString() {
        return records + " record(s), " + distinctEvents + " distinct event(s), " + duplicates + " duplicate(s)";
    }
}
