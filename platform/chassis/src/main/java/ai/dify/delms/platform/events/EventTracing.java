package ai.dify.delms.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * One trace from the request that changes something to every consumer of its events
 * (docs/decisions.md, 35). The envelope of an event keeps the W3C {@code traceparent} of the span
 * it was published in; the {@link OutboxRelay} sends it in a producer span, child of that one,
 * whose context goes in the record's {@code traceparent} header, which Spring Kafka's listener
 * observation continues; {@link #continueFrom} makes sure the consumer's work runs in that trace,
 * also for a record without the header (sent before the header existed, or by hand), from its
 * envelope. Without a tracer all of it is a no-op.
 */
public class EventTracing {

    /** The W3C trace context header, and the CloudEvents extension attribute of the same name. */
    public static final String TRACEPARENT = "traceparent";
    /** How a producer span names the other side: the broker, as Zipkin shows it. */
    static final String BROKER = "kafka";

    private final ObjectProvider<Tracer> tracers;
    private final ObjectProvider<Propagator> propagators;

    public EventTracing(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        this.tracers = tracers;
        this.propagators = propagators;
    }

    /** The W3C trace context of the current span, or null outside a trace. */
    public String currentTraceparent() {
        Tracer tracer = tracers.getIfAvailable();
        Propagator propagator = propagators.getIfAvailable();
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null || propagator == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Starts the producer span of one record, child of the span its event was published in.
     *
     * @return the span, or null when the event carries no trace context (or tracing is off)
     */
    Span startSend(String topic, String traceparent, String eventId, String eventType) {
        Propagator propagator = propagators.getIfAvailable();
        if (traceparent == null || propagator == null || tracers.getIfAvailable() == null) {
            return null;
        }
        return propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .name(topic + " send")
                .kind(Span.Kind.PRODUCER)
                .remoteServiceName(BROKER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .tag("cloudevents.event_id", eventId == null ? "" : eventId)
                .tag("cloudevents.event_type", eventType == null ? "" : eventType)
                .start();
    }

    /** The headers that carry a span's context to the consumer. */
    Map<String, String> headersOf(Span span) {
        Map<String, String> headers = new HashMap<>();
        Propagator propagator = propagators.getIfAvailable();
        if (span != null && propagator != null) {
            propagator.inject(span.context(), headers, Map::put);
        }
        return headers;
    }

    /**
     * Runs a consumer's work in the trace of the event: the record's {@code traceparent} header
     * (the relay's producer span), else its envelope's. Spring Kafka's listener span normally
     * continues the header already; where it does not (no header, or no listener observation), a
     * consumer span child of that context is started for the work, so what the work logs and
     * publishes belongs to the publisher's trace.
     */
    public <T> T continueFrom(ConsumerRecord<?, ?> record, String envelopeTraceparent, String eventType,
            Supplier<T> work) {
        Tracer tracer = tracers.getIfAvailable();
        Propagator propagator = propagators.getIfAvailable();
        String parent = headerOf(record);
        if (parent == null) {
            parent = envelopeTraceparent;
        }
        if (parent == null || tracer == null || propagator == null || inTrace(tracer.currentSpan(), parent)) {
            return work.get();
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, parent), Map::get)
                .name(record.topic() + " process")
                .kind(Span.Kind.CONSUMER)
                .remoteServiceName(BROKER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .tag("cloudevents.event_type", eventType == null ? "" : eventType)
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** The trace id of a W3C traceparent ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    static String traceIdOf(String traceparent) {
        String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }

    private static boolean inTrace(Span current, String traceparent) {
        String traceId = traceIdOf(traceparent);
        return current != null && traceId != null && traceId.equals(current.context().traceId());
    }

    private static String headerOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers() == null ? null : record.headers().lastHeader(TRACEPARENT);
        if (header == null || header.value() == null) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        return traceIdOf(value) == null ? null : value;
    }
}
