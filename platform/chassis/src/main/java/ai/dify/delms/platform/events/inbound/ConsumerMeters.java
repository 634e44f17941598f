package ai.dify.delms.platform.events.inbound;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The consumers' counters: failed deliveries by topic and kind of failure, and records sent to a
 * dead-letter topic. Each exists at 0 for every topic the service's listeners consume from the
 * start, so a dashboard shows it and Prometheus's {@code increase()} sees the first failure
 * (a counter that appears at 1 has no increase).
 */
final class ConsumerMeters implements ApplicationListener<ApplicationStartedEvent> {

    private final MeterRegistry meters;
    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;

    ConsumerMeters(MeterRegistry meters, ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        this.meters = meters;
        this.listeners = listeners;
    }

    static Counter failedDeliveries(MeterRegistry meters, String topic, ConsumerFailure failure) {
        return Counter.builder(FailedDeliveryLog.METRIC).description("Failed deliveries of consumed records, by why they failed")
                .tag("topic", topic).tag("failure", failure.label()).register(meters);
    }

    static Counter deadLettered(MeterRegistry meters, String topic) {
        return Counter.builder(InboundEventsAutoConfiguration.DEAD_LETTER_METRIC)
                .description("Consumed records sent to a dead-letter topic").tag("topic", topic).register(meters);
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        KafkaListenerEndpointRegistry registry = listeners.getIfAvailable();
        if (registry == null) {
            return;
        }
        for (String topic : consumedTopics(registry.getListenerContainers())) {
            deadLettered(meters, topic);
            for (ConsumerFailure failure : ConsumerFailure.values()) {
                failedDeliveries(meters, topic, failure);
            }
        }
    }

    private static Set<String> consumedTopics(Collection<MessageListenerContainer> containers) {
        Set<String> topics = new LinkedHashSet<>();
        for (MessageListenerContainer container : containers) {
            String[] named = container.getContainerProperties().getTopics();
            if (named != null) {
                topics.addAll(Set.of(named));
            }
        }
        return topics;
    }
}
