package ai.dify.delms.platform.readiness;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Readiness waits for the Kafka listeners: {@code kafkaListeners} is in the readiness group
 * ({@code management.endpoint.health.group.readiness.include} in the chassis defaults), so
 * {@code /actuator/health/readiness} answers 503 until every consumer has its partitions.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, KafkaListenerEndpointRegistry.class})
public class KafkaReadinessAutoConfiguration {

    /** Boot's listener container factory applies the one container customizer there is. */
    @Bean
    ListenerAssignments delmsListenerAssignments() {
        return new ListenerAssignments();
    }

    @Bean
    HealthIndicator kafkaListenersHealthIndicator(ObjectProvider<KafkaListenerEndpointRegistry> registry,
            ListenerAssignments assignments) {
        return new KafkaListenersHealthIndicator(registry, assignments);
    }
}
