package ai.dify.delms.platform.readiness;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Part of the readiness group: DOWN until every {@code @KafkaListener} container that starts with
 * the application runs and each of its consumers has had its first partition assignment. Until then
 * the service's read models may lack events that are on their topics already, and a reference
 * created a moment ago elsewhere would have to be looked up at its owner (docs/decisions.md, 17).
 * Once placed, a consumer stays counted: a later rebalance (another instance joining, a broker
 * outage) does not take the service out of rotation. Cheap: it reads a few flags.
 */
class KafkaListenersHealthIndicator implements HealthIndicator {

    private final ObjectProvider<KafkaListenerEndpointRegistry> registry;
    private final ListenerAssignments assignments;

    KafkaListenersHealthIndicator(ObjectProvider<KafkaListenerEndpointRegistry> registry,
            ListenerAssignments assignments) {
        this.registry = registry;
        this.assignments = assignments;
    }

    @Override
    public Health health() {
        List<String> waiting = new ArrayList<>();
        KafkaListenerEndpointRegistry listeners = registry.getIfAvailable();
        for (MessageListenerContainer container : listeners == null ? List.<MessageListenerContainer>of()
                : listeners.getListenerContainers()) {
            if (!container.isAutoStartup()) {
                continue;
            }
            if (!container.isRunning()) {
                waiting.add(container.getListenerId() + ": not running");
            } else if (!assignments.placed(container)) {
                waiting.add(container.getListenerId() + ": waiting for its partitions");
            }
        }
        return waiting.isEmpty() ? Health.up().build() : Health.down().withDetail("waiting", waiting).build();
    }
}
