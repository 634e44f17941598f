package ai.dify.delms.platform.events.inbound;

import java.time.Clock;

import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ai.dify.delms.platform.events.DelmsTopics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumer side of events: the {@link IdempotentEventHandler}, and the listener error handling of
 * every {@code @KafkaListener}: 3 retries with backoff, then the record goes to
 * {@code <topic>.dlt} (Spring Kafka adds the failure reason as {@code kafka_dlt-exception-*}
 * headers) and the counter {@value #DEAD_LETTER_METRIC} is incremented; malformed records are
 * dead-lettered without retries.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
public class InboundEventsAutoConfiguration {

    public static final String DEAD_LETTER_METRIC = "delms.events.dead.lettered";

    @Bean
    @ConditionalOnMissingBean
    IdempotentEventHandler idempotentEventHandler(JsonMapper json, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager, Environment environment) {
        return new IdempotentEventHandler(json, jdbc, new TransactionTemplate(transactionManager),
                environment.getProperty("spring.application.name", "unknown"), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler delmsKafkaErrorHandler(KafkaOperations<Object, Object> kafka, MeterRegistry meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(record.topic() + DelmsTopics.DEAD_LETTER_SUFFIX, -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(3);
        backOff.setInitialInterval(500);
        backOff.setMultiplier(2);
        backOff.setMaxInterval(5_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            Counter.builder(DEAD_LETTER_METRIC).description("Consumed records sent to a dead-letter topic")
                    .tag("topic", record.topic()).register(meters).increment();
            deadLetters.accept(record, failure);
        }, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }
}
