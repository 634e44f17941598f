package ai.dify.delms.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code delms.events.*}: how the outbox resubmits publications that did not reach Kafka.
 *
 * @param resubmission interval between runs, minimum age of a publication, batch size, and how
 *                     many may be in flight at once across all instances
 */
@ConfigurationProperties("delms.events")
public record EventsProperties(Resubmission resubmission) {

    public EventsProperties {
        if (resubmission == null) {
            resubmission = new Resubmission(null, null, 0, 0);
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
