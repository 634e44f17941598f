package ai.dify.delms.license.snapshot.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

import ai.dify.delms.license.license.LicenseSnapshots;
import ai.dify.delms.platform.problem.ConflictException;

/**
 * Re-publishes every license as it is now, on an operator's request (docs/decisions.md, 18): in the
 * background, page by page ({@code delms.license.snapshot.page-size} licenses per transaction), one
 * run at a time per instance; {@link #status()} tells how far it got. The run keeps the requester's
 * identity, so its events name the person who asked for them.
 */
@Service
public class LicenseSnapshotRun implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LicenseSnapshotRun.class);

    private final LicenseSnapshots snapshots;
    private final Clock clock;
    private final int pageSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "license-snapshot"));
    private final AtomicReference<SnapshotStatus> status = new AtomicReference<>(SnapshotStatus.NEVER);

    LicenseSnapshotRun(LicenseSnapshots snapshots, Clock clock,
            @Value("${delms.license.snapshot.page-size:200}") int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("delms.license.snapshot.page-size must be at least 1");
        }
        this.snapshots = snapshots;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** Starts a run; a second one while one runs is a conflict. */
    public SnapshotStatus start(String requestedBy) {
        SnapshotStatus current = status.get();
        if (current.state() == SnapshotStatus.State.RUNNING) {
            throw alreadyRunning();
        }
        SnapshotStatus started = SnapshotStatus.started(UUID.randomUUID(), requestedBy, clock.instant(),
                snapshots.count());
        if (!status.compareAndSet(current, started)) {
            throw alreadyRunning();
        }
        log.info("License snapshot {} of {} licenses requested by {}", started.id(), started.licenseCount(),
                requestedBy);
        // captures the caller's security context: DomainEvents names the requester on every snapshot event
        worker.submit(new DelegatingSecurityContextRunnable(() -> run(started.id())));
        return started;
    }

    public SnapshotStatus status() {
        return status.get();
    }

    private ConflictException alreadyRunning() {
        return new ConflictException("A snapshot of the licenses is already running (started "
                + status.get().startedAt() + ")");
    }

    private void run(UUID snapshotId) {
        try {
            String after = null;
            LicenseSnapshots.Page page;
            do {
                page = snapshots.publishPage(snapshotId, after, pageSize);
                after = page.lastLicenseId();
                int published = page.published();
                status.updateAndGet(s -> s.published(published));
            } while (page.published() == pageSize);
            status.updateAndGet(s -> s.completed(clock.instant()));
            log.info("License snapshot completed: {}", status.get());
        } catch (RuntimeException e) {
            log.error("License snapshot failed after {} licenses", status.get().licensesPublished(), e);
            status.updateAndGet(s -> s.failed(clock.instant(), e.getMessage()));
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /**
     * How the last run went on this instance. {@code id} is the {@code snapshotId} its events carry;
     * {@code licenseCount} how many licenses there were when it started (it publishes at least these,
     * plus those created meanwhile after the page it was at); {@code licensesPublished} how many so far.
     */
    public record SnapshotStatus(UUID id, State state, String requestedBy, Instant startedAt, Instant finishedAt,
            long licenseCount, long licensesPublished, String failure) {

        public enum State { NEVER_RUN, RUNNING, COMPLETED, FAILED }

        static final SnapshotStatus NEVER = new SnapshotStatus(null, State.NEVER_RUN, null, null, null, 0, 0, null);

        static SnapshotStatus started(UUID id, String requestedBy, Instant at, long licenseCount) {
            return new SnapshotStatus(id, State.RUNNING, requestedBy, at, null, licenseCount, 0, null);
        }

        SnapshotStatus published(int more) {
            return new SnapshotStatus(id, state, requestedBy, startedAt, finishedAt, licenseCount,
                    licensesPublished + more, failure);
        }

        SnapshotStatus completed(Instant at) {
            return new SnapshotStatus(id, State.COMPLETED, requestedBy, startedAt, at, licenseCount, licensesPublished,
                    null);
        }

        SnapshotStatus failed(Instant at, String reason) {
            return new SnapshotStatus(id, State.FAILED, requestedBy, startedAt, at, licenseCount, licensesPublished,
                    reason);
        }
    }
}
