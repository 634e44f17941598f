package ai.dify.delms.platform.events.inbound;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import ai.dify.delms.platform.events.Causation;
import ai.dify.delms.platform.events.CloudEvent;
import ai.dify.delms.platform.events.EventActor;
import ai.dify.delms.platform.events.EventTracing;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a consumer's handler at most once per event id. A service's {@code @KafkaListener} hands
 * each record here: the CloudEvent is parsed, and in ONE transaction its id is recorded in
 * {@code processed_event} and the handler runs, so a redelivered event (at-least-once delivery,
 * outbox resubmission) finds its id and has no second effect, and a failed handler leaves no
 * record so the retry runs it again. The handler runs as caused by the event ({@link Causation}): what
 * it publishes names the event's actor, and runs in the publisher's trace ({@link EventTracing}), so
 * what it logs and publishes carries that trace id. Unknown types are ignored; unreadable records are thrown as
 * {@link MalformedEventException} and dead-lettered by the chassis's error handler.
 *
 * <pre>{@code
 * @KafkaListener(topics = "delms.licenses")
 * void on(ConsumerRecord<String, byte[]> record) {
 *     events.handle(record, routes);
 * }
 * }</pre>
 */
public class IdempotentEventHandler {

    private static final Logger log = LoggerFactory.getLogger(IdempotentEventHandler.class);

    private final JsonMapper json;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String defaultConsumer;
    private final Clock clock;
    private final EventTracing tracing;

    public IdempotentEventHandler(JsonMapper json, JdbcTemplate jdbc, TransactionTemplate transaction,
            String defaultConsumer, Clock clock, EventTracing tracing) {
        this.json = json;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.defaultConsumer = defaultConsumer;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** Handles a record for this application's consumer group. */
    public void handle(ConsumerRecord<?, ?> record, EventRoutes routes) {
        handle(defaultConsumer, record, routes);
    }

    /**
     * Handles a record; {@code consumer} names the handler in {@code processed_event} when one
     * service has several independent consumers of the same events.
     */
    public void handle(String consumer, ConsumerRecord<?, ?> record, EventRoutes routes) {
        InboundEvent event = parse(record);
        var route = routes.route(event.type());
        if (route.isEmpty()) {
            log.debug("Ignoring event of unhandled type {}", event);
            return;
        }
        tracing.continueFrom(record, event.traceparent(), event.type(), () -> {
            transaction.executeWithoutResult(status -> {
                if (!markProcessed(consumer, event)) {
                    log.debug("Skipping already processed event {}", event);
                    return;
                }
                Causation.whileConsuming(new Causation.ConsumedEvent(event.actor().orElse(null),
                        event.sourceService(), event.about()), () -> {
                    route.get().dispatch(event);
                    return null;
                });
            });
            return null;
        });
    }

    private boolean markProcessed(String consumer, InboundEvent event) {
        try {
            jdbc.update("insert into processed_event (consumer, event_id, event_type, processed_at) values (?, ?, ?, ?)",
                    consumer, event.id(), event.type(), Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException alreadyProcessed) {
            return false;
        }
    }

    InboundEvent parse(ConsumerRecord<?, ?> record) {
        JsonNode envelope;
        try {
            envelope = json.readTree(text(record.value()));
        } catch (JacksonException e) {
            throw new MalformedEventException("Record at " + position(record) + " is not JSON", e);
        }
        if (envelope == null || !envelope.isObject()) {
            throw new MalformedEventException("Record at " + position(record) + " is not a JSON object");
        }
        String specVersion = text(envelope, "specversion");
        String id = text(envelope, "id");
        String type = text(envelope, "type");
        String source = text(envelope, "source");
        if (!CloudEvent.SPEC_VERSION.equals(specVersion) || isBlank(id) || isBlank(type) || isBlank(source)) {
            throw new MalformedEventException("Record at " + position(record)
                    + " is not a CloudEvent 1.0 (specversion, id, source and type are required)");
        }
        if (id.length() > 64) {
            throw new MalformedEventException("Record at " + position(record) + " has an event id over 64 characters");
        }
        Instant time = null;
        String timeText = text(envelope, "time");
        if (timeText != null) {
            try {
                time = Instant.parse(timeText);
            } catch (RuntimeException e) {
                throw new MalformedEventException("Record at " + position(record) + " has an invalid time", e);
            }
        }
        EventActor actor = EventActor.ofNullable(text(envelope, EventActor.SUBJECT), text(envelope, EventActor.USERNAME),
                text(envelope, EventActor.CLIENT_ID));
        return new InboundEvent(id, source, type, text(envelope, "subject"), time, text(envelope, "traceparent"),
                actor, envelope.get("data"), record.topic(), record.key(), json);
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value == null) {
            throw new MalformedEventException("Record has no value");
        }
        return value.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
