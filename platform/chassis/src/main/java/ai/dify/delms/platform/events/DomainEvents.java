package ai.dify.delms.platform.events;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a service's domain events through the transactional outbox: call it inside the
 * transaction that makes the change; the event is stored with that change and sent to Kafka after
 * the commit (and resubmitted until Kafka has it). Without a transaction it refuses to publish.
 * Every event names the person behind the change ({@link Causation#actor()}: the caller of the
 * request, or the actor of the consumed event being applied) in its envelope.
 *
 * <pre>{@code
 * events.publish("delms.customers", "delms.customer.created.v1", customer.getId().toString(), CustomerEvent.of(customer));
 * }</pre>
 */
public class DomainEvents {

    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final String source;
    private final Supplier<String> traceparent;
    private final Clock clock;

    public DomainEvents(ApplicationEventPublisher publisher, JsonMapper json, String applicationName,
            Supplier<String> traceparent, Clock clock) {
        this.publisher = publisher;
        this.json = json;
        this.source = "/delms/" + applicationName;
        this.traceparent = traceparent;
        this.clock = clock;
    }

    /** Publishes a typed event: topic, type, subject, key and version come from the event itself. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String publish(DomainEvent event) {
        Assert.isTrue(event.version() >= 0, "version must not be negative");
        return publish(event.topic(), event.type(), event.subject(), event.key(), event);
    }

    /**
     * Publishes an event keyed by its subject (the aggregate id).
     *
     * @return the event id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String publish(String topic, String type, String subject, Object data) {
        return publish(topic, type, subject, subject, data);
    }

    /**
     * Publishes an event with an explicit Kafka key, e.g. the license id for an event about a
     * purchase of that license, so all events of one license go to one partition.
     *
     * @return the event id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String publish(String topic, String type, String subject, String key, Object data) {
        Assert.hasText(topic, "topic must not be empty");
        Assert.hasText(type, "type must not be empty");
        Assert.hasText(subject, "subject must not be empty");
        Assert.hasText(key, "key must not be empty");
        String id = UUID.randomUUID().toString();
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        publisher.publishEvent(new OutboxEvent(topic, key, id, source, type, subject, time, traceparent.get(),
                Causation.actor().orElse(null), json.writeValueAsString(data)));
        return id;
    }
}
