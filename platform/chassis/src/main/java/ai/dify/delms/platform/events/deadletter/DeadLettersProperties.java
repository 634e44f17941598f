package ai.dify.delms.platform.events.deadletter;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code delms.events.dead-letters.*}: how dead letters are replayed and counted (decision 16).
 *
 * @param replayGroup    the consumer group whose committed offset on each {@code <topic>.dlt}
 *                       partition marks what was replayed; one group for every service, as the
 *                       dead-letter topics are shared
 * @param pendingRefresh how often the gauge of dead letters not yet replayed is recomputed
 */
@ConfigurationProperties("delms.events.dead-letters")
public record DeadLettersProperties(String replayGroup, Duration pendingRefresh) {

    public DeadLettersProperties {
        replayGroup = replayGroup == null || replayGroup.isBlank() ? "delms.dlt-replay" : replayGroup;
        pendingRefresh = pendingRefresh == null ? Duration.ofMinutes(1) : pendingRefresh;
    }
}
