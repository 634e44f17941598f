package ai.dify.delms.platform.events;

import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The DELMS topics (docs/asyncapi.yaml) and how they are declared. The chassis declares every topic
 * and its dead-letter topic in each service at start ({@link #declarations()}), so a consumer never
 * waits for the producing service to have started first, and corrects the configuration of a topic
 * that exists with other values ({@code spring.kafka.admin.modify-topic-configs}, chassis default).
 * <p>
 * Every topic keeps its records forever (docs/decisions.md, 18): the events are the history a new
 * subscriber reads from the earliest offset, and a dead letter waits until an operator replays it.
 */
public final class DelmsTopics {

    public static final String LICENSES = "delms.licenses";
    public static final String CUSTOMERS = "delms.customers";
    public static final String SALES = "delms.sales";
    public static final String DEPLOYMENTS = "delms.deployments";
    public static final String ALERTS = "delms.alerts";

    /** Every topic, as docs/asyncapi.yaml lists them. */
    public static final List<String> ALL = List.of(LICENSES, CUSTOMERS, SALES, DEPLOYMENTS, ALERTS);

    /** Partitions of every DELMS topic: order is per key, so a few partitions let consumers scale. */
    public static final int PARTITIONS = 3;

    /** Suffix of a topic's dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /** {@code retention.ms} and {@code retention.bytes} of every DELMS topic: unlimited. */
    public static final String UNLIMITED_RETENTION = "-1";

    private DelmsTopics() {
    }

    public static NewTopic topic(String name) {
        return TopicBuilder.name(name).partitions(PARTITIONS)
                .config(TopicConfig.RETENTION_MS_CONFIG, UNLIMITED_RETENTION)
                .config(TopicConfig.RETENTION_BYTES_CONFIG, UNLIMITED_RETENTION)
                .build();
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
