package ai.dify.delms.license.changelog;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.events.Causation;
import ai.dify.delms.platform.events.EventActor;

/**
 * Writes change-log entries inside the transaction that makes the change (it refuses to run without
 * one). A change made by a consumed event also records the person behind the event and what it was
 * about ({@link Causation}), so the entry reads "bob, via purchase ...", not just the service.
 */
@Component
public class ChangeRecorder {

    private final ChangeLogRepository entries;

    ChangeRecorder(ChangeLogRepository entries) {
        this.entries = entries;
    }

    /** One entry: {@code field} of license {@code licenseId} went from {@code oldValue} to {@code newValue}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String licenseId, Instant at, String actor, String field, String oldValue, String newValue,
            String reason, ChangeSource source) {
        Optional<Causation.ConsumedEvent> event = Causation.consumedEvent();
        EventActor behind = event.map(Causation.ConsumedEvent::actor).orElse(null);
        String via = event.map(e -> e.via() + " (" + e.source() + ")").orElse(null);
        entries.save(new ChangeLogEntry(licenseId, at, actor, field, oldValue, newValue, reason, source,
                behind == null ? null : behind.subject(), behind == null ? null : behind.clientId(), via));
    }
}
