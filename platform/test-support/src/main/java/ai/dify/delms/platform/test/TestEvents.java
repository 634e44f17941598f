package ai.dify.delms.platform.test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds CloudEvents as another DELMS service would publish them, for tests that put a record
 * on a topic themselves:
 * <pre>{@code
 * String json = TestEvents.event("delms.customer.created.v1", customerId).source("/delms/customer-service")
 *         .data(Map.of("id", customerId, "name", "Acme")).toJson();
 * }</pre>
 */
public final class TestEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> envelope = new LinkedHashMap<>();

    private TestEvents(String type, String subject) {
        envelope.put("specversion", "1.0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("source", "/delms/test");
        envelope.put("type", type);
        envelope.put("subject", subject);
        envelope.put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        envelope.put("datacontenttype", "application/json");
    }

    public static TestEvents event(String type, String subject) {
        return new TestEvents(type, subject);
    }

    public TestEvents id(String id) {
        envelope.put("id", id);
        return this;
    }

    public TestEvents source(String source) {
        envelope.put("source", source);
        return this;
    }

    /** The person behind the event, as the envelope's actor extension attributes name them. */
    public TestEvents actor(String subject, String username, String clientId) {
        envelope.put("actorsubject", subject);
        envelope.put("actorusername", username);
        envelope.put("actorclientid", clientId);
        return this;
    }

    /** The payload: a map, a record or any object Jackson can write. */
    public TestEvents data(Object data) {
        envelope.put("data", data);
        return this;
    }

    public String id() {
        return (String) envelope.get("id");
    }

    public String subject() {
        return (String) envelope.get("subject");
    }

    public String toJson() {
        return JSON.writeValueAsString(envelope);
    }
}
