package ai.dify.delms.platform.events.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RetryListener;

import ai.dify.delms.platform.events.DelmsTopics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every failed delivery of a consumed record: one log line (no stack trace while it is retried) and
 * the counter {@value #METRIC}{@code {topic, failure}}, so a consumer stuck behind a database
 * outage shows as a steady rate of transient failures.
 */
final class FailedDeliveryLog implements RetryListener {

    static final String METRIC = "delms.events.failed.deliveries";

    private static final Logger log = LoggerFactory.getLogger(FailedDeliveryLog.class);

    private final MeterRegistry meters;

    FailedDeliveryLog(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
        Throwable cause = unwrap(ex);
        ConsumerFailure failure = ConsumerFailure.of(cause);
        ConsumerMeters.failedDeliveries(meters, record.topic(), failure).increment();
        log.warn("Record {}-{}@{} failed (delivery {}, {}): {}", record.topic(), record.partition(), record.offset(),
                deliveryAttempt, failure.label(), describe(cause));
        log.debug("Failure of record {}-{}@{}", record.topic(), record.partition(), record.offset(), cause);
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
        Throwable cause = unwrap(ex);
        log.error("Record {}-{}@{} was dead-lettered to {}{} ({})", record.topic(), record.partition(),
                record.offset(), record.topic(), DelmsTopics.DEAD_LETTER_SUFFIX,
                ConsumerFailure.of(cause).label(), cause);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        return cause == null ? "no exception" : cause.getClass().getName() + ": " + cause.getMessage();
    }
}
