package ai.dify.delms.platform.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Sends again what the outbox failed to deliver (Kafka down, a stale publication after a crash).
 * Spring Modulith marks a failed externalization FAILED but never retries it by itself; this job
 * resubmits FAILED publications periodically. Safe with several instances: Modulith claims a
 * publication (FAILED to RESUBMITTED in one conditional update) before sending it, so only one
 * instance sends it; delivery stays at-least-once and consumers deduplicate on the event id.
 */
public class FailedPublicationResubmitter {

    private static final Logger log = LoggerFactory.getLogger(FailedPublicationResubmitter.class);

    private final FailedEventPublications failedPublications;
    private final ResubmissionOptions options;

    public FailedPublicationResubmitter(FailedEventPublications failedPublications,
            EventsProperties.Resubmission properties) {
        this.failedPublications = failedPublications;
        this.options = ResubmissionOptions.defaults()
                .withMinAge(properties.minAge())
                .withBatchSize(properties.batchSize())
                .withMaxInFlight(properties.maxInFlight());
    }

    /** One resubmission run; the send itself is asynchronous. */
    public void resubmitFailed() {
        try {
            failedPublications.resubmit(options);
        } catch (RuntimeException e) {
            // the database may be unavailable too; the next run tries again
            log.warn("Resubmitting failed event publications did not work: {}", e.toString());
        }
    }
}
