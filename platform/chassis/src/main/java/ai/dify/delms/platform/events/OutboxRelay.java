package ai.dify.delms.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

import ai.dify.delms.platform.events.Outbox.Pending;

/**
 * Sends the outbox to Kafka (docs/decisions.md, 15). One instance of a service relays at a time (it
 * holds the claim row for a batch); a batch takes the oldest events in {@code seq} order, and sends
 * each key's events one after the other — the next only once Kafka acknowledged the previous —
 * while different keys go in parallel. A failed send stops its key for the rest of the batch, so
 * nothing of that key overtakes it; the next batch starts again from it. Acknowledged events are
 * deleted. Delivery is at least once (a crash between the acknowledgement and the delete sends again),
 * which consumers absorb by the event id.
 *
 * <p>Each record goes in a producer span of the trace its event was published in, its context in the
 * record's {@code traceparent} header ({@link RelayedRecords}, decision 35).
 *
 * <p>Runs on its own thread: every {@code interval}, right after a transaction that published
 * commits ({@link #wake()}), at once again while batches come back full, and with a growing pause
 * while Kafka or the database fail.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final KafkaOperations<String, String> kafka;
    private final TransactionTemplate transaction;
    private final EventsProperties.Relay settings;
    private final RelayedRecords records;
    private final Object signal = new Object();
    private final ExecutorService sender = Executors.newFixedThreadPool(2, daemon("delms-outbox-send"));
    private volatile boolean running;
    private boolean woken;
    private Thread thread;
    private String lastProblem;

    public OutboxRelay(Outbox outbox, KafkaOperations<String, String> kafka, TransactionTemplate transaction,
            EventsProperties.Relay settings, RelayedRecords records) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.transaction = transaction;
        this.settings = settings;
        this.records = records;
    }

    /** Asks for a batch now: a transaction that stored events has committed. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * Relays one batch in the calling thread.
     *
     * @return what happened to it
     */
    public Batch relayOnce() {
        Batch batch = transaction.execute(status -> {
            if (!outbox.claimRelay()) {
                return Batch.NOTHING; // another instance relays this service's outbox now
            }
            List<Pending> pending = outbox.oldest(settings.batchSize());
            return pending.isEmpty() ? Batch.NOTHING : send(pending);
        });
        return batch == null ? Batch.NOTHING : batch;
    }

    private Batch send(List<Pending> pending) {
        Map<String, List<Pending>> byKey = new LinkedHashMap<>();
        pending.forEach(event -> byKey.computeIfAbsent(event.topic() + '\u0000' + event.key(), k -> new ArrayList<>())
                .add(event));
        Sends sends = new Sends();
        List<CompletableFuture<Void>> keys = new ArrayList<>();
        for (List<Pending> events : byKey.values()) {
            if (sends.stopped()) {
                break;
            }
            keys.add(inOrder(events, sends));
        }
        try {
            CompletableFuture.allOf(keys.toArray(CompletableFuture[]::new)).get(settings.sendTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // some key failed or is still waiting for Kafka: its events stay and go again next time
        }
        sends.close();
        List<Long> sent = new ArrayList<>(sends.sent);
        if (!sent.isEmpty()) {
            outbox.delete(sent);
        }
        sends.stoppedAt.forEach(failure -> outbox.recordFailure(failure.seq(), failure.error()));
        return new Batch(pending.size(), sent.size(), pending.size() == settings.batchSize(),
                sends.firstProblem.get());
    }

    /** Sends one key's events one after the other; completes exceptionally at the first failure. */
    private CompletableFuture<Void> inOrder(List<Pending> events, Sends sends) {
        CompletableFuture<Void> chain = sendOne(events.get(0), sends);
        for (Pending event : events.subList(1, events.size())) {
            chain = chain.thenComposeAsync(previous -> sendOne(event, sends), sender);
        }
        return chain;
    }

    private CompletableFuture<Void> sendOne(Pending event, Sends sends) {
        if (sends.stopped()) {
            return CompletableFuture.failedFuture(new BatchStopped());
        }
        CompletableFuture<Void> sent;
        RelayedRecords.Traced traced = records.of(event);
        try {
            sent = kafka.send(traced.record()).thenAccept(result -> sends.sent.add(event.seq()));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.whenComplete((ok, failure) -> {
            traced.end(failure);
            if (failure != null) {
                sends.failed(event, failure);
            }
        });
    }

    // --- the relay thread -----------------------------------------------------------------------

    private void loop() {
        Duration pause = settings.interval();
        while (running) {
            Batch batch;
            try {
                batch = relayOnce();
            } catch (RuntimeException e) {
                batch = new Batch(0, 0, false, e.toString());
            }
            report(batch);
            if (batch.problem() != null) {
                pause = min(pause.multipliedBy(2), settings.maxPause());
            } else {
                pause = settings.interval();
                if (batch.full()) {
                    continue;
                }
            }
            await(batch.problem() != null ? pause : settings.interval(), batch.problem() == null);
        }
    }

    private void report(Batch batch) {
        String problem = batch.problem();
        if (problem != null && !problem.equals(lastProblem)) {
            log.warn("Outbox relay: {} of {} event(s) sent; the rest waits: {}", batch.sent(), batch.read(), problem);
        } else if (problem == null && lastProblem != null) {
            log.info("Outbox relay: sending again ({} event(s) in this batch)", batch.sent());
        }
        lastProblem = problem;
    }

    private void await(Duration pause, boolean wakeable) {
        synchronized (signal) {
            if (!(wakeable && woken) && running) {
                try {
                    signal.wait(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void start() {
        running = true;
        thread = daemon("delms-outbox-relay").newThread(this::loop);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        try {
            if (thread != null) {
                thread.join(settings.sendTimeout().plusSeconds(2).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before Kafka's producer and the database pool are closed; start after them. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 100;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * One batch's outcome.
     *
     * @param read    events read from the outbox
     * @param sent    events Kafka acknowledged (and deleted from the outbox)
     * @param full    the batch was as large as allowed: more may be waiting
     * @param problem the first failure, or null
     */
    public record Batch(int read, int sent, boolean full, String problem) {
        static final Batch NOTHING = new Batch(0, 0, false, null);
    }

    /** The sends of one batch: what was acknowledged, where keys stopped, and whether to stop starting keys. */
    private static final class Sends {
        final Queue<Long> sent = new ConcurrentLinkedQueue<>();
        final Queue<Failure> stoppedAt = new ConcurrentLinkedQueue<>();
        final AtomicReference<String> firstProblem = new AtomicReference<>();
        private volatile boolean brokerUnavailable;
        private volatile boolean closed;

        void failed(Pending event, Throwable failure) {
            Throwable cause = failure.getCause() != null && failure instanceof java.util.concurrent.CompletionException
                    ? failure.getCause() : failure;
            if (closed || cause instanceof BatchStopped) {
                return;
            }
            String reason = describe(cause);
            stoppedAt.add(new Failure(event.seq(), reason));
            firstProblem.compareAndSet(null, reason);
            // a broker that does not answer fails every key after the same wait: stop starting new ones
            brokerUnavailable |= isTimeout(cause);
        }

        boolean stopped() {
            return closed || brokerUnavailable;
        }

        void close() {
            closed = true;
        }

        /** The failure and its innermost cause: "Send failed" alone does not say that the broker is gone. */
        private static String describe(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root == failure ? failure.toString() : failure + " (" + root + ")";
        }

        private static boolean isTimeout(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof org.apache.kafka.common.errors.TimeoutException) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Failure(long seq, String error) {
    }

    /** A key not started, or not continued, because its batch stopped: not a failure of its own. */
    private static final class BatchStopped extends RuntimeException {
        BatchStopped() {
            super("batch stopped", null, false, false);
        }
    }
}
