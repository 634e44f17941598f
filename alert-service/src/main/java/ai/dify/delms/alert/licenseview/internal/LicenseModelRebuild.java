package ai.dify.delms.alert.licenseview.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import ai.dify.delms.alert.licenseview.LicenseModelObserver;
import ai.dify.delms.alert.licenseview.LicenseModels;
import ai.dify.delms.alert.licenseview.LicenseSnapshotRequest;
import ai.dify.delms.platform.problem.ConflictException;

/**
 * Rebuilds the read model from {@code delms.licenses} on demand: live consumption is held, the
 * model is emptied, license-service is asked to re-publish every license as it is now (a snapshot,
 * docs/decisions.md, 18), the topic is replayed from its beginning (own consumer, no consumer group
 * offsets) and on until the snapshot's events are in too, live consumption resumes, and then every
 * license's alerts are re-evaluated. The snapshot makes the model complete even when the topic no
 * longer holds a license's older records; waiting for it keeps the re-evaluation from resolving
 * alerts of licenses the model does not fully know yet. Runs in the background, one rebuild at a
 * time per instance; {@link #status()} tells how it went.
 */
@Service
public class LicenseModelRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LicenseModelRebuild.class);

    private final LicenseEventLog eventLog;
    private final LicenseModels models;
    private final LicenseSnapshotRequest snapshots;
    private final List<LicenseModelObserver> observers;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration snapshotWait;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "license-model-rebuild"));
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.NEVER);

    LicenseModelRebuild(LicenseEventLog eventLog, LicenseModels models, LicenseSnapshotRequest snapshots,
            List<LicenseModelObserver> observers, JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock,
            @Value("${delms.alerts.rebuild.snapshot-wait:PT10M}") Duration snapshotWait) {
        this.eventLog = eventLog;
        this.models = models;
        this.snapshots = snapshots;
        this.observers = observers;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.snapshotWait = snapshotWait;
    }

    /**
     * Starts a rebuild; a second one while one runs is a conflict.
     *
     * @param accessToken the requester's access token, to ask license-service for a snapshot as them
     */
    public RebuildStatus start(String requestedBy, String accessToken) {
        RebuildStatus current = status.get();
        RebuildStatus started = RebuildStatus.started(requestedBy, clock.instant());
        if (current.state() == RebuildStatus.State.RUNNING || !status.compareAndSet(current, started)) {
            throw new ConflictException("A rebuild of the license read model is already running (started "
                    + status.get().startedAt() + ")");
        }
        worker.submit(() -> run(accessToken));
        return started;
    }

    public RebuildStatus status() {
        return status.get();
    }

    private void run(String accessToken) {
        try {
            eventLog.pauseLive();
            try {
                transaction.executeWithoutResult(tx -> {
                    models.clear();
                    jdbc.update("delete from processed_event where consumer = ?", LicenseEventsListener.REPLAY_CONSUMER);
                });
                // asked once the model is empty: every snapshot event lands in the emptied model
                Optional<LicenseSnapshotRequest.Snapshot> snapshot = requestSnapshot(accessToken);
                LicenseEventLog.ReplayCount count = eventLog.replayIntoModel(snapshot.orElse(null), snapshotWait);
                status.set(status.get().replayed(count));
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

    /**
     * A failure does not stop the rebuild (the replay still restores what the topic holds); the
     * status says so, and the operator asks license-service directly.
     */
    private Optional<LicenseSnapshotRequest.Snapshot> requestSnapshot(String accessToken) {
        try {
            Optional<LicenseSnapshotRequest.Snapshot> snapshot = snapshots.request(accessToken);
            log.info("License snapshot for the rebuild: {}", snapshot.map(Object::toString).orElse("one is running already"));
            status.set(status.get().snapshot(snapshot.map(SnapshotProgress::requested)
                    .orElse(SnapshotProgress.ALREADY_RUNNING)));
            return snapshot;
        } catch (RuntimeException e) {
            log.warn("Could not ask license-service for a snapshot; the rebuilt model holds only what "
                    + "delms.licenses still has. Ask for one with POST /api/v1/licenses/snapshots.", e);
            status.set(status.get().snapshot(SnapshotProgress.failed(e.getMessage())));
            return Optional.empty();
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** How the last rebuild went; {@code licenseSnapshot} tells about the snapshot it asked license-service for. */
    public record RebuildStatus(State state, String requestedBy, Instant startedAt, Instant finishedAt,
            long eventsReplayed, long eventsSkipped, SnapshotProgress licenseSnapshot, String failure) {

        public enum State { NEVER_RUN, RUNNING, COMPLETED, FAILED }

        static final RebuildStatus NEVER = new RebuildStatus(State.NEVER_RUN, null, null, null, 0, 0,
                SnapshotProgress.NOT_REQUESTED, null);

        static RebuildStatus started(String requestedBy, Instant at) {
            return new RebuildStatus(State.RUNNING, requestedBy, at, null, 0, 0, SnapshotProgress.NOT_REQUESTED, null);
        }

        RebuildStatus snapshot(SnapshotProgress snapshot) {
            return new RebuildStatus(state, requestedBy, startedAt, finishedAt, eventsReplayed, eventsSkipped, snapshot,
                    failure);
        }

        RebuildStatus replayed(LicenseEventLog.ReplayCount count) {
            return new RebuildStatus(state, requestedBy, startedAt, null, count.applied(), count.skipped(),
                    licenseSnapshot.replayed(count.snapshotEvents()), null);
        }

        RebuildStatus completed(Instant at) {
            return new RebuildStatus(State.COMPLETED, requestedBy, startedAt, at, eventsReplayed, eventsSkipped,
                    licenseSnapshot, null);
        }

        RebuildStatus failed(Instant at, String reason) {
            return new RebuildStatus(State.FAILED, requestedBy, startedAt, at, eventsReplayed, eventsSkipped,
                    licenseSnapshot, reason);
        }
    }

    /**
     * The snapshot a rebuild asked for: {@code id} of license-service's run, how many licenses it
     * publishes at least, how many of its events the rebuild applied before re-evaluating. States:
     * REQUESTED (being waited for), APPLIED (all in), INCOMPLETE (not all within
     * {@code delms.alerts.rebuild.snapshot-wait}: the rest apply and are evaluated as they arrive),
     * ALREADY_RUNNING (license-service was publishing one: its events apply as they arrive), FAILED
     * (license-service could not be asked: {@code failure} says why; ask it yourself).
     */
    public record SnapshotProgress(SnapshotState state, UUID id, long licenses, long applied, String failure) {

        public enum SnapshotState { NOT_REQUESTED, REQUESTED, APPLIED, INCOMPLETE, ALREADY_RUNNING, FAILED }

        static final SnapshotProgress NOT_REQUESTED = new SnapshotProgress(SnapshotState.NOT_REQUESTED, null, 0, 0, null);
        static final SnapshotProgress ALREADY_RUNNING = new SnapshotProgress(SnapshotState.ALREADY_RUNNING, null, 0, 0,
                null);

        static SnapshotProgress requested(LicenseSnapshotRequest.Snapshot snapshot) {
            return new SnapshotProgress(SnapshotState.REQUESTED, snapshot.id(), snapshot.licenseCount(), 0, null);
        }

        static SnapshotProgress failed(String reason) {
            return new SnapshotProgress(SnapshotState.FAILED, null, 0, 0, reason);
        }

        SnapshotProgress replayed(long snapshotEvents) {
            if (state != SnapshotState.REQUESTED) {
                return this;
            }
            return new SnapshotProgress(snapshotEvents >= licenses ? SnapshotState.APPLIED : SnapshotState.INCOMPLETE,
                    id, licenses, snapshotEvents, null);
        }
    }
}
