package ai.dify.delms.platform.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import ai.dify.delms.platform.test.kafka.TestKafka;

/**
 * Puts resellers on {@code delms.sales} as sales-service describes them, so that a service's sales
 * directory knows the reseller behind a partner token ({@code TestTokens.partnerToken(code)}):
 * <pre>{@code
 * TestResellers.created(kafka, acmeId, "acme");
 * }</pre>
 * The directory learns them asynchronously: await what depends on them.
 */
public final class TestResellers {

    /** The sales topic ({@code DelmsTopics.SALES}; this module does not depend on the chassis). */
    public static final String TOPIC = "delms.sales";

    private TestResellers() {
    }

    /** {@code delms.reseller.created.v1} of an active reseller. */
    public static void created(TestKafka kafka, UUID id, String code) {
        publish(kafka, "delms.reseller.created.v1", id, code, true, 0);
    }

    /** {@code delms.reseller.updated.v1}, e.g. to deactivate a reseller ({@code version} must grow). */
    public static void updated(TestKafka kafka, UUID id, String code, boolean active, long version) {
        publish(kafka, "delms.reseller.updated.v1", id, code, active, version);
    }

    /** {@code delms.reseller.deleted.v1}: the reseller's last state, inactive, at {@code version}. */
    public static void deleted(TestKafka kafka, UUID id, String code, long version) {
        publish(kafka, "delms.reseller.deleted.v1", id, code, false, version);
    }

    private static void publish(TestKafka kafka, String type, UUID id, String code, boolean active, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("code", code);
        data.put("name", "Reseller " + code);
        data.put("contactEmail", code + "@example.com");
        data.put("region", "EMEA");
        data.put("tier", "GOLD");
        data.put("active", active);
        data.put("version", version);
        kafka.send(TOPIC, id.toString(),
                TestEvents.event(type, id.toString()).source("/delms/sales-service").data(data).toJson());
    }
}
