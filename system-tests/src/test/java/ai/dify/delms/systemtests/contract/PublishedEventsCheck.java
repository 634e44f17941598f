package ai.dify.delms.systemtests.contract;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads every record on some topics and judges each against the event contract. */
final class PublishedEventsCheck {

    /** What was read and what is wrong with it. */
    record Result(int records, Map<String, Integer> recordsByTopicAndType, List<String> incompleteTopics,
            List<String> violations) {
    }

    private PublishedEventsCheck() {
    }

    static Result run(EventContract contract, String bootstrapServers, List<String> topics, Duration boundPerTopic) {
        List<String> violations = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        Map<String, Integer> byType = new TreeMap<>();
        int total = 0;
        for (String topic : topics) {
            TopicContents.Snapshot snapshot = TopicContents.read(bootstrapServers, topic, boundPerTopic);
            if (!snapshot.complete()) {
                incomplete.add(topic);
            }
            for (ConsumerRecord<String, String> record : snapshot.records()) {
                total++;
                byType.merge(topic + " " + EventContract.typeOf(record.value()), 1, Integer::sum);
                for (String violation : contract.violations(topic, record.key(), record.value())) {
                    violations.add(violation + " [partition " + record.partition() + ", offset " + record.offset() + "]");
                }
            }
        }
        return new Result(total, Collections.unmodifiableMap(byType), List.copyOf(incomplete), List.copyOf(violations));
    }
}
