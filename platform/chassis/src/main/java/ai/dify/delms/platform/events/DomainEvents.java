package ai.dify.delms.platform.events;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a service's domain events through the transactional outbox: call it inside the
 * transaction that makes the change; the event is stored with that change ({@link Outbox}) and the
 * {@link OutboxRelay} sends it to Kafka after the commit, in commit order per key, until Kafka has
 * it. Without a transaction it refuses to publish.
 * Every event names the person behind the change ({@link Causation#actor()}: the caller of the
 * request, or the actor of the consumed event being applied) in its envelope.
 *
 * <p>Services do not call it: they raise the typed event with Spring's {@code ApplicationEventPublisher}
 * and {@link DomainEventExternalizer} stores it here, in the same transaction:
 * <pre>{@code
 * events.publishEvent(CustomerEvents.CustomerCreated.of(customer));
 * }</pre>
 * Events are typed records ({@link DomainEvent}), one record per CloudEvents type, so topic, type,
 * subject and key are decided once, by the event, and never at a call site (docs/decisions.md, 19).
 */
public class DomainEvents {

    private final Outbox outbox;
    private final Runnable afterCommit;
    private final JsonMapper json;
    private final String source;
    private final Supplier<String> traceparent;
    private final Clock clock;

    /**
     * @param afterCommit runs after a transaction that published commits (wakes the relay)
     */
    public DomainEvents(Outbox outbox, Runnable afterCommit, JsonMapper json, String applicationName,
            Supplier<String> traceparent, Clock clock) {
        this.outbox = outbox;
        this.afterCommit = afterCommit;
        this.json = json;
        this.source = "/delms/" + applicationName;
        this.traceparent = traceparent;
        this.clock = clock;
    }

    /**
     * Publishes a typed event: topic, type, subject, key and version come from the event itself.
     *
     * @return the event id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String publish(DomainEvent event) {
        String topic = event.topic();
        String type = event.type();
        String subject = event.subject();
        String key = event.key();
        Assert.hasText(topic, "topic must not be empty");
        Assert.hasText(type, "type must not be empty");
        Assert.hasText(subject, "subject must not be empty");
        Assert.hasText(key, "key must not be empty");
        Assert.isTrue(event.version() >= 0, "version must not be negative");
        String id = UUID.randomUUID().toString();
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        EventActor actor = Causation.actor().orElse(null);
        CloudEvent envelope = new CloudEvent(CloudEvent.SPEC_VERSION, id, source, type, subject, time, CloudEvent.JSON,
                traceparent.get(), actor == null ? null : actor.subject(), actor == null ? null : actor.username(),
                actor == null ? null : actor.clientId(), json.writeValueAsString(event));
        outbox.append(topic, key, id, json.writeValueAsString(envelope), time);
        wakeRelayAfterCommit();
        return id;
    }

    /** One wake per transaction, however many events it stores. */
    private void wakeRelayAfterCommit() {
        boolean registered = TransactionSynchronizationManager.getSynchronizations().stream()
                .anyMatch(WakeRelay.class::isInstance);
        if (!registered) {
            TransactionSynchronizationManager.registerSynchronization(new WakeRelay());
        }
    }

    private final class WakeRelay implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            afterCommit.run();
        }
    }
}
