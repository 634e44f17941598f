package ai.dify.delms.platform.events.deadletter;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import ai.dify.delms.platform.problem.InvalidRequestException;

/**
 * {@code /actuator/deadletters}, admins only (decision 16), on every service's own port (the
 * gateway routes no actuator path):
 * <ul>
 * <li>{@code GET /actuator/deadletters}: per topic the service consumes, its dead letters and those
 * not replayed yet;</li>
 * <li>{@code GET /actuator/deadletters/{topic}?all=&limit=}: the dead letters of a topic not replayed
 * yet (all of them with {@code all=true}), at most {@code limit} (100; 1 to 1000);</li>
 * <li>{@code POST /actuator/deadletters/{topic}}: replays them.</li>
 * </ul>
 * Any service can list and replay any topic's dead letters: the dead-letter topics and the replay
 * position are shared.
 */
@Endpoint(id = DeadLettersEndpoint.ID)
public class DeadLettersEndpoint {

    public static final String ID = "deadletters";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private final DeadLetters deadLetters;
    private final DeadLetterBacklog backlog;
    private final PendingDeadLettersGauge gauge;
    private final Supplier<? extends Collection<String>> consumedTopics;

    public DeadLettersEndpoint(DeadLetters deadLetters, DeadLetterBacklog backlog, PendingDeadLettersGauge gauge,
            Supplier<? extends Collection<String>> consumedTopics) {
        this.deadLetters = deadLetters;
        this.backlog = backlog;
        this.gauge = gauge;
        this.consumedTopics = consumedTopics;
    }

    @ReadOperation
    public Summaries summaries() {
        return new Summaries(backlog.summaries(consumedTopics.get()));
    }

    @ReadOperation
    public DeadLetterListing list(@Selector String topic, @Nullable Boolean all, @Nullable Integer limit) {
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw new InvalidRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        return deadLetters.list(topic, Boolean.TRUE.equals(all), max);
    }

    @WriteOperation
    public DeadLetterReplay replay(@Selector String topic) {
        try {
            return deadLetters.replay(topic);
        } finally {
            gauge.refreshSoon();
        }
    }

    /** The dead-letter topics of what the service consumes. */
    public record Summaries(List<DeadLetterSummary> topics) {
    }
}
