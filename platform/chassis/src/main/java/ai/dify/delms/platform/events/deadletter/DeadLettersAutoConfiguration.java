package ai.dify.delms.platform.events.deadletter;

import java.util.Collection;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.security.ServiceAccessRules;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dead letters for operators (decision 16): {@link DeadLetters} lists and replays them, the gauge
 * {@value PendingDeadLettersGauge#METRIC} counts those not replayed yet, and the actuator endpoint
 * {@value DeadLettersEndpoint#ID} offers both to admins.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean({KafkaAdmin.class, ConsumerFactory.class, ProducerFactory.class})
@EnableConfigurationProperties(DeadLettersProperties.class)
public class DeadLettersAutoConfiguration {

    @Bean
    DeadLetters deadLetters(ConsumerFactory<?, ?> consumers, ProducerFactory<?, ?> producers,
            DeadLettersProperties properties, Environment environment, JsonMapper json) {
        return new DeadLetters(consumers, producers, properties.replayGroup(), application(environment), json);
    }

    @Bean
    DeadLetterBacklog deadLetterBacklog(KafkaAdmin admin, DeadLettersProperties properties, Environment environment) {
        return new DeadLetterBacklog(admin, properties.replayGroup(), application(environment));
    }

    @Bean
    PendingDeadLettersGauge pendingDeadLettersGauge(DeadLetterBacklog backlog, KafkaListenerEndpointRegistry listeners,
            MeterRegistry meters, DeadLettersProperties properties) {
        return new PendingDeadLettersGauge(backlog, consumedTopics(listeners), meters, properties.pendingRefresh());
    }

    @Bean
    DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters, DeadLetterBacklog backlog,
            PendingDeadLettersGauge gauge, KafkaListenerEndpointRegistry listeners) {
        return new DeadLettersEndpoint(deadLetters, backlog, gauge, consumedTopics(listeners));
    }

    private static Supplier<Collection<String>> consumedTopics(KafkaListenerEndpointRegistry listeners) {
        return () -> DeadLetterTopics.consumedBy(listeners);
    }

    private static String application(Environment environment) {
        return environment.getProperty("spring.application.name", "unknown");
    }

    /** The endpoint is for admins, whatever rules the service has; placed before them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class DeadLettersAccessConfiguration {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ServiceAccessRules deadLettersAccessRules(
                @Value("${management.endpoints.web.base-path:/actuator}") String actuator) {
            String path = actuator + "/" + DeadLettersEndpoint.ID;
            return rules -> rules.requestMatchers(path, path + "/**").hasRole(Roles.ADMIN);
        }
    }
}
