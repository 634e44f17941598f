package ai.dify.delms.platform.events.inbound;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The waits between the tries of a failed record, per {@link ConsumerFailure}: doubling from
 * {@code initialBackOff} up to {@code maxBackOff}; transient failures until their give-up, an
 * aggregate not known yet until its own, poison never, anything else a few times.
 */
final class ConsumerBackOffs {

    private static final double MULTIPLIER = 2;
    private static final BackOff NONE = new FixedBackOff(0, 0);

    private final ConsumerRetryProperties properties;

    ConsumerBackOffs(ConsumerRetryProperties properties) {
        this.properties = properties;
    }

    BackOff of(ConsumerFailure failure) {
        return switch (failure) {
            case TRANSIENT -> until(properties.transientGiveUp().toMillis());
            case NOT_KNOWN_YET -> until(properties.notKnownGiveUp().toMillis());
            case POISON -> NONE;
            case UNEXPECTED -> properties.unexpectedRetries() == 0 ? NONE : times(properties.unexpectedRetries());
        };
    }

    private ExponentialBackOff times(int retries) {
        ExponentialBackOff backOff = shaped();
        backOff.setMaxAttempts(retries);
        return backOff;
    }

    /**
     * Retries until the waits add up to {@code giveUpMillis}: Spring's "elapsed time" is their sum,
     * and the last wait may end past it.
     */
    private ExponentialBackOff until(long giveUpMillis) {
        ExponentialBackOff backOff = shaped();
        backOff.setMaxElapsedTime(giveUpMillis);
        return backOff;
    }

    private ExponentialBackOff shaped() {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.initialBackOff().toMillis(), MULTIPLIER);
        backOff.setMaxInterval(properties.maxBackOff().toMillis());
        return backOff;
    }
}
