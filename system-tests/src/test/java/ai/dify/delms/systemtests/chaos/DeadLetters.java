package ai.dify.delms.systemtests.chaos;

import ai.dify.delms.systemtests.support.KafkaTopics;

/** Records in the dead-letter topics ({@code <topic>.dlt}), all partitions summed. */
final class DeadLetters {

    private DeadLetters() {
    }

    static long total() {
        try (KafkaTopics topics = KafkaTopics.local()) {
            return topics.records(topics.names(name -> name.endsWith(".dlt")));
        }
    }
}
