package ai.dify.delms.platform.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;

import ai.dify.delms.platform.events.Outbox.Pending;
import io.micrometer.tracing.Span;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record the {@link OutboxRelay} sends for a stored event: its envelope as the value, and, when
 * the event was published in a trace, a producer span of that trace whose context travels in the
 * record's {@code traceparent} header ({@link EventTracing}).
 */
final class RelayedRecords {

    private final EventTracing tracing;
    private final JsonMapper json;

    RelayedRecords(EventTracing tracing, JsonMapper json) {
        this.tracing = tracing;
        this.json = json;
    }

    /** The record of a stored event, with its producer span started (end it with {@link Traced#end}). */
    Traced of(Pending event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.envelope());
        JsonNode envelope = envelopeOf(event);
        Span span = envelope == null ? null : tracing.startSend(event.topic(), text(envelope, EventTracing.TRACEPARENT),
                text(envelope, "id"), text(envelope, "type"));
        tracing.headersOf(span).forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new Traced(record, span);
    }

    /** The envelope as JSON; a stored envelope that does not parse is still sent, untraced. */
    private JsonNode envelopeOf(Pending event) {
        try {
            return json.readTree(event.envelope());
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode envelope, String field) {
        JsonNode value = envelope.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** A record and the span of its send (null when the event has no trace). */
    record Traced(ProducerRecord<String, String> record, Span span) {

        /** Ends the span: acknowledged by Kafka, or failed. */
        void end(Throwable failure) {
            if (span == null) {
                return;
            }
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        }
    }
}
