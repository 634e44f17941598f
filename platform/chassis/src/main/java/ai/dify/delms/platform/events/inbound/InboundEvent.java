package ai.dify.delms.platform.events.inbound;

import java.time.Instant;
import java.util.Optional;

import ai.dify.delms.platform.events.EventActor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A consumed CloudEvent: the envelope's attributes, where it came from, and its payload. */
public final class InboundEvent {

    private final String id;
    private final String source;
    private final String type;
    private final String subject;
    private final Instant time;
    private final String traceparent;
    private final EventActor actor;
    private final JsonNode data;
    private final String topic;
    private final Object key;
    private final JsonMapper json;

    InboundEvent(String id, String source, String type, String subject, Instant time, String traceparent,
            EventActor actor, JsonNode data, String topic, Object key, JsonMapper json) {
        this.id = id;
        this.source = source;
        this.type = type;
        this.subject = subject;
        this.time = time;
        this.traceparent = traceparent;
        this.actor = actor;
        this.data = data;
        this.topic = topic;
        this.key = key;
        this.json = json;
    }

    public String id() { return id; }
    public String source() { return source; }
    public String type() { return type; }
    public String subject() { return subject; }
    public Instant time() { return time; }
    public String traceparent() { return traceparent; }
    /** The person behind the change the event announces, if its envelope names one. */
    public Optional<EventActor> actor() { return Optional.ofNullable(actor); }
    public JsonNode data() { return data; }
    public String topic() { return topic; }
    public Object key() { return key; }

    /** The publishing service: {@code /delms/sales-service} gives {@code sales-service}. */
    public String sourceService() {
        int slash = source.lastIndexOf('/');
        return slash >= 0 && slash < source.length() - 1 ? source.substring(slash + 1) : source;
    }

    /**
     * What the event is about, for people: the aggregate its type names and its subject, e.g.
     * {@code purchase 6f1c...} for {@code delms.purchase.recorded.v1} with that subject.
     */
    public String about() {
        String[] parts = type.split("\\.");
        String aggregate = parts.length >= 4 ? parts[1] : type;
        return subject == null ? aggregate : aggregate + " " + subject;
    }

    /** The payload as the given type; fields the type does not know are ignored (new fields are compatible). */
    public <T> T data(Class<T> type) {
        try {
            return json.treeToValue(data, type);
        } catch (RuntimeException e) {
            throw new MalformedEventException("Event " + id + " of type " + this.type + " has data that is not a "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return type + " " + id + " (subject " + subject + ", " + topic + ")";
    }
}
