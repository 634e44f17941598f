package ai.dify.delms.platform.events;

import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The DELMS topics (EVENTS.md) and how they are declared. The chassis declares every topic and its
 * dead-letter topic in each service at start ({@link #declarations()}), so a consumer never waits
 * for the producing service to have started first.
 */
public final class DelmsTopics {

    public static final String LICENSES = "delms.licenses";
    public static final String CUSTOMERS = "delms.customers";
    public static final String SALES = "delms.sales";
    public static final String DEPLOYMENTS = "delms.deployments";
    public static final String ALERTS = "delms.alerts";

    /** Every topic of the event contract. */
    public static final List<String> ALL = List.of(LICENSES, CUSTOMERS, SALES, DEPLOYMENTS, ALERTS);

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
        return topic(consumedTopic + DEAD_LETTER_SUFFIX);
    }

    /** Every topic of the contract and its dead-letter topic. */
    public static NewTopic[] declarations() {
        return ALL.stream().flatMap(name -> Stream.of(topic(name), deadLetterTopic(name))).toArray(NewTopic[]::new);
    }
}
