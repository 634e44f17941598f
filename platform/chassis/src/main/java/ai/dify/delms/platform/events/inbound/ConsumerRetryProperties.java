package ai.dify.delms.platform.events.inbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code delms.events.consumer.*}: how a failed record is retried (decision 16).
 *
 * @param initialBackOff    the first wait after a failure; each next one doubles
 * @param maxBackOff        the longest single wait; the consumer thread sleeps that long, so it must
 *                          stay well below the consumer's {@code max.poll.interval.ms}
 * @param transientGiveUp   how long a transient failure (database down, lock timeout) is retried
 *                          before the record is dead-lettered
 * @param notKnownGiveUp    how long an event waits for the aggregate it depends on before it is
 *                          dead-lettered
 * @param unexpectedRetries retries of any other failure before it is dead-lettered
 */
@ConfigurationProperties("delms.events.consumer")
public record ConsumerRetryProperties(Duration initialBackOff, Duration maxBackOff, Duration transientGiveUp,
        Duration notKnownGiveUp, Integer unexpectedRetries) {

    public ConsumerRetryProperties {
        initialBackOff = initialBackOff == null ? Duration.ofMillis(500) : initialBackOff;
        maxBackOff = maxBackOff == null ? Duration.ofSeconds(30) : maxBackOff;
        transientGiveUp = transientGiveUp == null ? Duration.ofMinutes(30) : transientGiveUp;
        notKnownGiveUp = notKnownGiveUp == null ? Duration.ofMinutes(2) : notKnownGiveUp;
        unexpectedRetries = unexpectedRetries == null ? 2 : unexpectedRetries;
        if (initialBackOff.isNegative() || initialBackOff.isZero() || maxBackOff.compareTo(initialBackOff) < 0) {
            throw new IllegalArgumentException("delms.events.consumer: initial-back-off must be positive and at most"
                    + " max-back-off");
        }
        if (unexpectedRetries < 0) {
            throw new IllegalArgumentException("delms.events.consumer.unexpected-retries must not be negative");
        }
    }
}
