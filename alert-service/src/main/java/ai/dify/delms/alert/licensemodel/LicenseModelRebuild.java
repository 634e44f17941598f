package ai.dify.delms.alert.licensemodel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import ai.dify.delms.platform.problem.ConflictException;

/**
 * Rebuilds the read model from {@code delms.licenses} on demand: live consumption is held, the
 * model is emptied, the topic is replayed from its beginning (own consumer, no consumer group
 * offsets), live consumption resumes, and then every license's alerts are re-evaluated. Runs in the
 * background, one rebuild at a time per instance; {@link #status()} tells how it went.
 */
@Service
public class LicenseModelRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LicenseModelRebuild.class);

    private final LicenseEventLog eventLog;
    private final LicenseModels models;
    private final List<LicenseModelObserver> observers;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "license-model-rebuild"));
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.NEVER);

    LicenseModelRebuild(LicenseEventLog eventLog, LicenseModels models, List<LicenseModelObserver> observers,
            JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.eventLog = eventLog;
        this.models = models;
        this.observers = observers;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Starts a rebuild; a second one while one runs is a conflict. */
    public RebuildStatus start(String requestedBy) {
        RebuildStatus current = status.get();
        RebuildStatus started = RebuildStatus.started(requestedBy, clock.instant());
        if (current.state() == RebuildStatus.State.RUNNING || !status.compareAndSet(current, started)) {
            throw new ConflictException("A rebuild of the license read model is already running (started "
                    + status.get().startedAt() + ")");
        }
        worker.submit(this::run);
        return started;
    }

    public RebuildStatus status() {
        return status.get();
    }

    private void run() {
        RebuildStatus running = status.get();
        try {
            eventLog.pauseLive();
            try {
                transaction.executeWithoutResult(tx -> {
                    models.clear();
                    jdbc.update("delete from processed_event where consumer = ?", LicenseEventsListener.REPLAY_CONSUMER);
                });
                LicenseEventLog.ReplayCount count = eventLog.replayIntoModel();
                status.set(running.replayed(count.applied(), count.skipped()));
            } finally {
                eventLog.resumeLive();
            }
            observers.forEach(LicenseModelObserver::modelRebuilt);
            status.set(status.get().completed(clock.instant()));
            log.info("License read model rebuilt: {}", status.get());
        } catch (RuntimeException e) {
            log.error("Rebuilding the license read model failed", e);
            status.set(status.get().failed(clock.instant(), e.getMessage()));
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** How the last rebuild went. */
    public record RebuildStatus(State state, String requestedBy, Instant startedAt, Instant finishedAt,
            long eventsReplayed, long eventsSkipped, String failure) {

        public enum State { NEVER_RUN, RUNNING, COMPLETED, FAILED }

        static final RebuildStatus NEVER = new RebuildStatus(State.NEVER_RUN, null, null, null, 0, 0, null);

        static RebuildStatus started(String requestedBy, Instant at) {
            return new RebuildStatus(State.RUNNING, requestedBy, at, null, 0, 0, null);
        }

        RebuildStatus replayed(long applied, long skipped) {
            return new RebuildStatus(state, requestedBy, startedAt, null, applied, skipped, null);
        }

        RebuildStatus completed(Instant at) {
            return new RebuildStatus(State.COMPLETED, requestedBy, startedAt, at, eventsReplayed, eventsSkipped, null);
        }

        RebuildStatus failed(Instant at, String reason) {
            return new RebuildStatus(State.FAILED, requestedBy, startedAt, at, eventsReplayed, eventsSkipped, reason);
        }
    }
}
