package ai.dify.delms.platform.events.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.events.EventTracing;
import ai.dify.delms.platform.input.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumer side of events: the {@link IdempotentEventHandler}, and the error handling of every
 * {@code @KafkaListener} (decision 16). A failed record is classified ({@link ConsumerFailure}) and
 * retried accordingly: transient failures (database down, lock timeout, deadlock) and an aggregate
 * not known yet with back-off (0.5 s doubling to 30 s) until they work or their give-up passes,
 * anything else a few times, poison not at all. The partition waits meanwhile, so the order of its
 * records holds; the consumer stays in its group (each wait is far below {@code max.poll.interval.ms}).
 * A record that is given up goes to {@code <topic>.dlt} (Spring Kafka adds the failure as
 * {@code kafka_dlt-*} headers, the chassis the failure's kind as {@value ConsumerFailure#HEADER})
 * and the counter {@value #DEAD_LETTER_METRIC} grows.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(ConsumerRetryProperties.class)
public class InboundEventsAutoConfiguration {

    public static final String DEAD_LETTER_METRIC = "delms.events.dead.lettered";
    /** Counts failed deliveries of consumed records, tagged {@code topic} and {@code failure}. */
    public static final String FAILED_DELIVERY_METRIC = FailedDeliveryLog.METRIC;

    private static final int DEFAULT_MAX_POLL_INTERVAL_MS = 300_000;

    @Bean
    @ConditionalOnMissingBean
    IdempotentEventHandler idempotentEventHandler(JsonMapper json, JdbcTemplate jdbc, Clock clock,
            PlatformTransactionManager transactionManager, Environment environment, EventTracing tracing) {
        // events are read as they were written, also those from before the strict reading of bodies
        return new IdempotentEventHandler(EventJson.lenientCopyOf(json), jdbc,
                new TransactionTemplate(transactionManager),
                environment.getProperty("spring.application.name", "unknown"), clock, tracing);
    }

    @Bean
    ConsumerMeters delmsConsumerMeters(MeterRegistry meters, ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        return new ConsumerMeters(meters, listeners);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler delmsKafkaErrorHandler(KafkaOperations<Object, Object> kafka, MeterRegistry meters,
            ConsumerRetryProperties retries, ObjectProvider<KafkaProperties> kafkaProperties) {
        checkWaitsKeepTheConsumerInItsGroup(retries, kafkaProperties.getIfAvailable());
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(record.topic() + DelmsTopics.DEAD_LETTER_SUFFIX, -1));
        deadLetters.addHeadersFunction((record, failure) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(ConsumerFailure.HEADER, ConsumerFailure.of(FailedDeliveryLog.unwrap(failure)).label()
                    .getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        ConsumerBackOffs backOffs = new ConsumerBackOffs(retries);
        // every failure gets its back-off from the function below; the default only has to allow
        // retries, as Spring Kafka never asks the function when it does not
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            deadLetters.accept(record, failure);
            ConsumerMeters.deadLettered(meters, record.topic()).increment();
        }, backOffs.of(ConsumerFailure.TRANSIENT));
        handler.setBackOffFunction((record, failure) -> backOffs.of(ConsumerFailure.of(failure)));
        handler.setRetryListeners(new FailedDeliveryLog(meters));
        return handler;
    }

    /**
     * The consumer thread sleeps through each wait; one longer than {@code max.poll.interval.ms}
     * would have it leave its group (and its partitions be reassigned) in the middle of a retry.
     */
    private static void checkWaitsKeepTheConsumerInItsGroup(ConsumerRetryProperties retries,
            KafkaProperties kafka) {
        Map<String, Object> consumer = kafka == null ? Map.of() : kafka.buildConsumerProperties();
        Object configured = consumer.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        long maxPollInterval = configured == null ? DEFAULT_MAX_POLL_INTERVAL_MS
                : Long.parseLong(configured.toString());
        if (retries.maxBackOff().toMillis() * 2 > maxPollInterval) {
            throw new IllegalStateException("delms.events.consumer.max-back-off (" + retries.maxBackOff()
                    + ") must be at most half the consumer's max.poll.interval.ms (" + maxPollInterval + " ms)");
        }
    }
}
