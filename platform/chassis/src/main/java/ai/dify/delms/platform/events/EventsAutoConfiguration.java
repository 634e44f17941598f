package ai.dify.delms.platform.events;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.config.EventExternalizationAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ai.dify.delms.platform.metrics.DomainGauges;
import ai.dify.delms.platform.metrics.MetricsAutoConfiguration;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox (docs/decisions.md, 15): {@link DomainEvents} stores each event as a {@link CloudEvent}
 * in the table {@code outbox_event} (from {@code db/platform}) in the business transaction, and the
 * {@link OutboxRelay} sends them to their topics with their keys, in commit order per key.
 *
 * <p>Publications that Spring Modulith's registry ({@code event_publication}) stored before the relay
 * existed are still sent by its Kafka externalization and {@link FailedPublicationResubmitter}; nothing
 * new is stored there.
 */
@AutoConfiguration(before = EventExternalizationAutoConfiguration.class, after = MetricsAutoConfiguration.class)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    /** Events in the outbox, not yet acknowledged by Kafka. */
    public static final String OUTBOX_PENDING_METRIC = "delms.events.outbox.pending";
    /** Seconds since the oldest event in the outbox was stored (Prometheus: {@code _seconds}). */
    public static final String OUTBOX_OLDEST_AGE_METRIC = "delms.events.outbox.oldest.age";

    /** Routes only DELMS outbox events stored before the relay; anything else published in-process stays in-process. */
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
    Outbox outbox(JdbcTemplate jdbc, DomainGauges gauges, Clock clock) {
        Outbox outbox = new Outbox(jdbc);
        gauges.value(OUTBOX_PENDING_METRIC, "Events stored in the outbox and not yet acknowledged by Kafka", null,
                outbox::pending);
        // 0 when empty: a growing age means the relay does not get the oldest event out
        gauges.value(OUTBOX_OLDEST_AGE_METRIC, "Age of the oldest event in the outbox, 0 when it is empty",
                "seconds", () -> outbox.oldestCreatedAt()
                        .map(created -> Math.max(0, Duration.between(created, clock.instant()).toMillis() / 1000.0))
                        .orElse(0.0));
        return outbox;
    }

    @Bean
    @ConditionalOnMissingBean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTracing(tracer, propagator);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(Outbox outbox, KafkaProperties kafka, PlatformTransactionManager transactionManager,
            EventsProperties properties, EventTracing tracing, JsonMapper json) {
        // Strings in, strings out: the envelope is serialized once, when the event is stored.
        KafkaTemplate<String, String> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), new StringSerializer()));
        return new OutboxRelay(outbox, template, new TransactionTemplate(transactionManager), properties.relay(),
                new RelayedRecords(tracing, json));
    }

    @Bean
    @ConditionalOnMissingBean
    DomainEvents domainEvents(Outbox outbox, OutboxRelay relay, JsonMapper json, Environment environment, Clock clock,
            EventTracing tracing) {
        String application = environment.getProperty("spring.application.name", "unknown");
        return new DomainEvents(outbox, relay::wake, json, application, tracing::currentTraceparent, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    DomainEventExternalizer domainEventExternalizer(DomainEvents events) {
        return new DomainEventExternalizer(events);
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
