package ai.dify.delms.platform.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Topic declarations for a service's {@code NewTopic} beans (created at start if missing):
 * partitions for per-key ordering, the broker's replication factor.
 */
public final class DelmsTopics {

    /** Partitions of every DELMS topic: order is per key, so a few partitions let consumers scale. */
    public static final int PARTITIONS = 3;

    /** Suffix of a topic's dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private DelmsTopics() {
    }

    public static NewTopic topic(String name) {
        return TopicBuilder.name(name).partitions(PARTITIONS).build();
    }

    /** The dead-letter topic of a consumed topic: {@code <topic>.dlt}. */
    public static NewTopic deadLetterTopic(String consumedTopic) {
        return TopicBuilder.name(consumedTopic + DEAD_LETTER_SUFFIX).partitions(PARTITIONS).build();
    }
}
