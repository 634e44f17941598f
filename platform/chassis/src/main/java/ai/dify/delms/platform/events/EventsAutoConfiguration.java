package ai.dify.delms.platform.events;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.config.EventExternalizationAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox: {@link DomainEvents} stores {@link OutboxEvent}s in Spring Modulith's publication
 * registry (JPA, table {@code event_publication} from {@code db/platform}); Modulith's Kafka
 * externalization sends each as a {@link CloudEvent} to its topic with its key after the commit;
 * {@link FailedPublicationResubmitter} retries what failed.
 */
@AutoConfiguration(before = EventExternalizationAutoConfiguration.class)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    /** Routes only DELMS outbox events; anything else published in-process stays in-process. */
    @Bean
    static EventExternalizationConfiguration delmsEventExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .select(OutboxEvent.class::isInstance)
                .route(OutboxEvent.class, event -> RoutingTarget.forTarget(event.topic()).andKey(event.key()))
                .mapping(OutboxEvent.class, OutboxEvent::toCloudEvent)
                .build();
    }

    /** Every DELMS topic and its dead-letter topic, created at start where missing. */
    @Bean
    @ConditionalOnMissingBean(name = "delmsTopics")
    KafkaAdmin.NewTopics delmsTopics() {
        return new KafkaAdmin.NewTopics(DelmsTopics.declarations());
    }

    @Bean
    @ConditionalOnMissingBean
    DomainEvents domainEvents(ApplicationEventPublisher publisher, JsonMapper json, Environment environment,
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        String application = environment.getProperty("spring.application.name", "unknown");
        return new DomainEvents(publisher, json, application, traceparent(tracer, propagator), Clock.systemUTC());
    }

    /** The W3C trace context of the current span, or null outside a trace. */
    static Supplier<String> traceparent(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        return () -> {
            Tracer tracer = tracers.getIfAvailable();
            Propagator propagator = propagators.getIfAvailable();
            Span span = tracer == null ? null : tracer.currentSpan();
            if (span == null || propagator == null) {
                return null;
            }
            Map<String, String> carrier = new HashMap<>();
            propagator.inject(span.context(), carrier, Map::put);
            return carrier.get("traceparent");
        };
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class ResubmissionConfiguration {

        @Bean
        FailedPublicationResubmitter failedPublicationResubmitter(FailedEventPublications failed,
                EventsProperties properties) {
            return new FailedPublicationResubmitter(failed, properties.resubmission());
        }

        @Bean
        SchedulingConfigurer failedPublicationResubmission(FailedPublicationResubmitter resubmitter,
                EventsProperties properties) {
            return registrar -> registrar.addFixedDelayTask(resubmitter::resubmitFailed,
                    properties.resubmission().interval());
        }
    }
}
