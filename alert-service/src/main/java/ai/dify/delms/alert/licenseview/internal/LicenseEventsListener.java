package ai.dify.delms.alert.licenseview.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import ai.dify.delms.alert.licenseview.LicenseEvents;
import ai.dify.delms.alert.licenseview.LicenseModelObserver;
import ai.dify.delms.alert.licenseview.LicenseModels;
import ai.dify.delms.alert.licenseview.LicenseSnapshotRequest;
import ai.dify.delms.platform.events.inbound.EventRoutes;
import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;

/**
 * Consumes license-service's events; each is handled at most once, poison records are dead-lettered.
 * A live event updates the read model and then has the license's alerts re-evaluated, in one
 * transaction. For a rebuild it also replays the whole topic into the read model, without alerts.
 */
@Component
class LicenseEventsListener implements LicenseEventLog {

    static final String LISTENER_ID = "license-model";
    /** The name under which replayed events are deduplicated (cleared before each rebuild). */
    static final String REPLAY_CONSUMER = "license-model-rebuild";

    private static final Logger log = LoggerFactory.getLogger(LicenseEventsListener.class);
    private static final Duration PAUSE_BOUND = Duration.ofSeconds(30);

    private final IdempotentEventHandler handler;
    private final LicenseModels models;
    private final EventRoutes liveRoutes;
    private final KafkaListenerEndpointRegistry listeners;
    private final ConsumerFactory<String, String> consumers;
    private final List<LicenseModelObserver> observers;

    LicenseEventsListener(IdempotentEventHandler handler, LicenseModels models, List<LicenseModelObserver> observers,
            KafkaListenerEndpointRegistry listeners, ConsumerFactory<String, String> consumers) {
        this.handler = handler;
        this.models = models;
        this.listeners = listeners;
        this.consumers = consumers;
        this.observers = observers;
        this.liveRoutes = EventRoutes.create()
                .on(LicenseEvents.CREATED, LicenseEvents.LicenseCreated.class,
                        (event, data) -> changed(models.licenseCreated(event, data)))
                .on(LicenseEvents.UPDATED, LicenseEvents.LicenseUpdated.class,
                        (event, data) -> changed(models.licenseUpdated(event, data)))
                .on(LicenseEvents.STATUS_CHANGED, LicenseEvents.StatusChanged.class,
                        (event, data) -> changed(models.statusChanged(event, data)))
                .on(LicenseEvents.USAGE_REPORTED, LicenseEvents.UsageReported.class,
                        (event, data) -> changed(models.usageReported(event, data)))
                .on(LicenseEvents.EXPIRED, LicenseEvents.Expired.class,
                        (event, data) -> changed(models.expired(event, data)))
                .on(LicenseEvents.SNAPSHOT, LicenseEvents.Snapshot.class,
                        (event, data) -> changed(models.snapshot(event, data)));
    }

    /** Into the model only (the rebuild evaluates afterwards), counting the events of the awaited snapshot. */
    private EventRoutes replayRoutes(LicenseSnapshotRequest.Snapshot awaited, AtomicLong ofAwaited) {
        return EventRoutes.create()
                .on(LicenseEvents.CREATED, LicenseEvents.LicenseCreated.class, models::licenseCreated)
                .on(LicenseEvents.UPDATED, LicenseEvents.LicenseUpdated.class, models::licenseUpdated)
                .on(LicenseEvents.STATUS_CHANGED, LicenseEvents.StatusChanged.class, models::statusChanged)
                .on(LicenseEvents.USAGE_REPORTED, LicenseEvents.UsageReported.class, models::usageReported)
                .on(LicenseEvents.EXPIRED, LicenseEvents.Expired.class, models::expired)
                .on(LicenseEvents.SNAPSHOT, LicenseEvents.Snapshot.class, (event, snapshot) -> {
                    models.snapshot(event, snapshot);
                    if (awaited != null && awaited.id().equals(snapshot.snapshotId())) {
                        ofAwaited.incrementAndGet();
                    }
                });
    }

    @KafkaListener(id = LISTENER_ID, topics = LicenseEvents.TOPIC)
    void on(ConsumerRecord<String, String> record) {
        handler.handle(record, liveRoutes);
    }

    private void changed(String licenseId) {
        observers.forEach(observer -> observer.licenseChanged(licenseId));
    }

    @Override
    public void pauseLive() {
        MessageListenerContainer container = listeners.getListenerContainer(LISTENER_ID);
        if (container == null || !container.isRunning()) {
            return;
        }
        container.pause();
        long deadline = System.nanoTime() + PAUSE_BOUND.toNanos();
        // the container pauses between two polls: wait for it, so no live event interleaves with the reset
        while (!container.isPauseRequested() || !container.isContainerPaused()) {
            if (System.nanoTime() > deadline) {
                log.warn("Live license events did not pause within {}; rebuilding anyway", PAUSE_BOUND);
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void resumeLive() {
        MessageListenerContainer container = listeners.getListenerContainer(LISTENER_ID);
        if (container != null) {
            container.resume();
        }
    }

    @Override
    public ReplayCount replayIntoModel(LicenseSnapshotRequest.Snapshot snapshot, Duration wait) {
        long applied = 0;
        long skipped = 0;
        AtomicLong ofSnapshot = new AtomicLong();
        EventRoutes replayRoutes = replayRoutes(snapshot, ofSnapshot);
        long waitUntil = System.nanoTime() + (snapshot == null ? 0 : wait.toNanos());
        try (Consumer<String, String> consumer = consumers.createConsumer(LISTENER_ID + "-rebuild", "-rebuild")) {
            List<TopicPartition> partitions = consumer.partitionsFor(LicenseEvents.TOPIC, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!reachedEnd(consumer, end) || snapshot != null && ofSnapshot.get() < snapshot.licenseCount()
                    && System.nanoTime() < waitUntil) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    // past the end taken at the start only while waiting for the snapshot's events
                    if (snapshot == null
                            && record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    try {
                        handler.handle(REPLAY_CONSUMER, record, replayRoutes);
                        applied++;
                    } catch (RuntimeException e) {
                        // the live consumer dead-letters it; a rebuild does not stop for it
                        log.warn("Rebuild skips record {}-{}@{}: {}", record.topic(), record.partition(),
                                record.offset(), e.getMessage());
                        skipped++;
                    }
                }
            }
        }
        return new ReplayCount(applied, skipped, ofSnapshot.get());
    }

    private static boolean reachedEnd(Consumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
