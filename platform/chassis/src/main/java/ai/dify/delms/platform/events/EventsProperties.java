package ai.dify.delms.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code delms.events.*}: how the outbox relay sends events, and how Spring Modulith's registry
 * resubmits publications stored before the relay existed.
 *
 * @param relay        pause between batches when idle, events per batch, how long a batch waits
 *                     for Kafka's acknowledgements, and the longest pause while Kafka or the
 *                     database fail
 * @param resubmission interval between runs, minimum age of a publication, batch size, and how
 *                     many may be in flight at once across all instances
 */
@ConfigurationProperties("delms.events")
public record EventsProperties(Relay relay, Resubmission resubmission) {

    public EventsProperties {
        if (relay == null) {
            relay = new Relay(null, 0, null, null);
        }
        if (resubmission == null) {
            resubmission = new Resubmission(null, null, 0, 0);
        }
    }

    public record Relay(Duration interval, int batchSize, Duration sendTimeout, Duration maxPause) {

        public Relay {
            interval = interval == null ? Duration.ofMillis(200) : interval;
            batchSize = batchSize <= 0 ? 500 : batchSize;
            sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
            maxPause = maxPause == null ? Duration.ofSeconds(5) : maxPause;
        }
    }

    public record Resubmission(Duration interval, Duration minAge, int batchSize, int maxInFlight) {

        public Resubmission {
            interval = interval == null ? Duration.ofSeconds(5) : interval;
            minAge = minAge == null ? Duration.ofSeconds(3) : minAge;
            batchSize = batchSize <= 0 ? 100 : batchSize;
            maxInFlight = maxInFlight <= 0 ? 100 : maxInFlight;
        }
    }
}
