package ai.dify.delms.platform.events.deadletter;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gauge {@value #METRIC}{@code {topic}}: dead letters of each topic this service consumes that
 * nobody replayed yet. Recomputed from offsets every {@code pendingRefresh} on a thread of its own
 * (and right after a replay), so a scrape only reads a number; while Kafka does not answer, the last
 * known value stays.
 */
public class PendingDeadLettersGauge implements SmartLifecycle {

    public static final String METRIC = "delms.events.dead.letters.pending";

    private static final Logger log = LoggerFactory.getLogger(PendingDeadLettersGauge.class);

    private final DeadLetterBacklog backlog;
    private final Supplier<? extends Collection<String>> consumedTopics;
    private final MeterRegistry meters;
    private final Duration refresh;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;

    public PendingDeadLettersGauge(DeadLetterBacklog backlog, Supplier<? extends Collection<String>> consumedTopics,
            MeterRegistry meters, Duration refresh) {
        this.backlog = backlog;
        this.consumedTopics = consumedTopics;
        this.meters = meters;
        this.refresh = refresh;
    }

    /** Recomputes soon, off the caller's thread. */
    public void refreshSoon() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.execute(this::refresh);
        }
    }

    void refresh() {
        try {
            backlog.summaries(consumedTopics.get()).forEach(summary -> {
                if (pending.put(summary.topic(), summary.pending()) == null) {
                    Gauge.builder(METRIC, pending, values -> values.getOrDefault(summary.topic(), 0L))
                            .description("Dead letters not replayed yet, per consumed topic")
                            .tag("topic", summary.topic()).register(meters);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not count the dead letters not replayed yet (the gauge keeps its last value): {}",
                    e.getMessage());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "delms-dead-letters-gauge");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
