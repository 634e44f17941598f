package ai.dify.delms.platform.events.deadletter;

import java.util.List;

/**
 * What a replay republished: per partition of the dead-letter topic, the offsets from (inclusive)
 * and to (exclusive) whose records went back to the topic.
 */
public record DeadLetterReplay(String topic, String deadLetterTopic, long replayed, List<Range> partitions) {

    public record Range(int partition, long from, long to) {
    }
}
