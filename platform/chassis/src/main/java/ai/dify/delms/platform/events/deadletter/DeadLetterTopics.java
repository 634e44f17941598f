package ai.dify.delms.platform.events.deadletter;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.problem.InvalidRequestException;

/** Names of dead-letter topics, and the topics whose dead letters a service reports. */
final class DeadLetterTopics {

    /** Kafka's legal topic names. */
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private DeadLetterTopics() {
    }

    /** The consumed topic an operator names, given as {@code delms.licenses} or {@code delms.licenses.dlt}. */
    static String consumedTopic(String named) {
        if (named == null || !TOPIC.matcher(named).matches()) {
            throw new InvalidRequestException("'" + named + "' is not a topic name");
        }
        return named.endsWith(DelmsTopics.DEAD_LETTER_SUFFIX)
                ? named.substring(0, named.length() - DelmsTopics.DEAD_LETTER_SUFFIX.length())
                : named;
    }

    static String deadLetterTopic(String consumedTopic) {
        return consumedTopic + DelmsTopics.DEAD_LETTER_SUFFIX;
    }

    /** The topics this service's listeners consume: their dead letters are the ones it reports. */
    static SortedSet<String> consumedBy(KafkaListenerEndpointRegistry listeners) {
        SortedSet<String> topics = new TreeSet<>();
        listeners.getListenerContainers().forEach(container -> {
            String[] names = container.getContainerProperties().getTopics();
            if (names != null) {
                for (String name : names) {
                    topics.add(name);
                }
            }
        });
        topics.removeIf(name -> name.endsWith(DelmsTopics.DEAD_LETTER_SUFFIX));
        return topics;
    }
}
