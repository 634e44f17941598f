package ai.dify.delms.systemtests.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event contract as {@code docs/asyncapi.yaml} states it, able to judge one Kafka record: the
 * CloudEvents envelope, whether its type belongs on the topic, the key rule and its data. Every
 * violation names the topic, the type and the field, so a failing check says what to fix.
 */
final class EventContract {

    /** Where the document lives, relative to the project root. */
    static final String DOCUMENT = "docs/asyncapi.yaml";

    /** The DELMS topics: the document has a channel for each and for its dead-letter topic {@code <topic>.dlt}. */
    static final List<String> TOPICS = List.of("delms.licenses", "delms.customers", "delms.sales",
            "delms.deployments", "delms.alerts");

    /** The envelope fields whose value must equal the Kafka key (a message's {@code x-delms-key}). */
    static final Set<String> KEY_RULES = Set.of("subject", "data.licenseId");

    // a made-up base under which the document is registered, so that its internal $refs resolve
    private static final String BASE = "https://delms.invalid/asyncapi.json";
    private static final String MESSAGE_REF_PREFIX = "#/components/messages/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode document;
    private final Schema envelope;
    /** address of a channel → type → what the document says about that type. */
    private final Map<String, Map<String, Message>> channels;

    /** One message of the document, with its compiled schemas. */
    record Message(String component, String type, String keyRule, Schema payload, Schema key) {
    }

    private EventContract(JsonNode document) {
        this.document = document;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder
                        .schemas(Map.of(BASE, JSON.writeValueAsString(document)))
                        // uuid, date and date-time are part of the contract, not mere annotations
                        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        this.envelope = registry.getSchema(SchemaLocation.of(BASE + "#/components/schemas/CloudEvent"));
        Map<String, Map<String, Message>> byAddress = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> channel : document.path("channels").properties()) {
            String address = required(channel.getValue(), "address", "channel " + channel.getKey());
            Map<String, Message> byType = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> reference : channel.getValue().path("messages").properties()) {
                Message message = message(registry, reference.getValue().path("$ref").asString(""), address);
                if (byType.put(message.type(), message) != null) {
                    throw new IllegalStateException("channel " + address + " lists type " + message.type() + " twice");
                }
            }
            byAddress.put(address, Collections.unmodifiableMap(byType));
        }
        this.channels = Collections.unmodifiableMap(byAddress);
    }

    /** The project's document, found from the working directory upwards (a module runs in its own folder). */
    static EventContract load() {
        return load(locate());
    }

    static EventContract load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static EventContract parse(String yaml) {
        return new EventContract(YAMLMapper.builder().build().readTree(yaml));
    }

    static Path locate() {
        String explicit = System.getProperty("delms.asyncapi");
        if (explicit != null) {
            return Path.of(explicit);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DOCUMENT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(DOCUMENT + " not found from " + Path.of("").toAbsolutePath() + " upwards");
    }

    JsonNode document() {
        return document;
    }

    /** Every channel address of the document (topics and dead-letter topics). */
    Set<String> addresses() {
        return channels.keySet();
    }

    /** The types the document allows on {@code topic}, empty for a topic it does not describe. */
    Map<String, Message> typesOn(String topic) {
        return channels.getOrDefault(topic, Map.of());
    }

    /**
     * What is wrong with one record of {@code topic}: empty when it matches the document. Each entry
     * reads {@code <topic> <type> <field>: <problem>}, the field as a JSON pointer into the value.
     */
    List<String> violations(String topic, String key, String value) {
        Set<String> found = new LinkedHashSet<>();
        JsonNode event;
        try {
            event = value == null ? null : JSON.readTree(value);
        } catch (JacksonException notJson) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            return List.of(topic + " ?: the record value is not a JSON object (a structured-mode CloudEvent): " + abbreviate(value));
        }
        String type = event.path("type").asString("?");
        String where = topic + " " + type;
        for (Error error : envelope.validate(event)) {
            found.add(where + " " + describe(error));
        }
        Map<String, Message> allowed = typesOn(topic);
        Message message = allowed.get(type);
        if (message == null) {
            found.add(where + " /type: not a type the document lists for " + topic + " (it lists " + allowed.keySet() + ")");
            return List.copyOf(found);
        }
        for (Error error : message.payload().validate(event)) {
            found.add(where + " " + describe(error));
        }
        if (key == null) {
            found.add(where + " key: the record has no key; the document's rule is key = " + message.keyRule());
        } else {
            for (Error error : message.key().validate(JsonNodeFactory.instance.stringNode(key))) {
                found.add(where + " key: '" + key + "' " + error.getMessage());
            }
            String expected = message.keyRule().equals("subject")
                    ? event.path("subject").asString(null)
                    : event.path("data").path("licenseId").asString(null);
            if (!key.equals(expected)) {
                found.add(where + " key: '" + key + "' must equal " + message.keyRule() + " ('" + expected + "')");
            }
        }
        return List.copyOf(found);
    }

    /** The {@code type} of a record value, {@code ?} when it has none (or is not JSON). */
    static String typeOf(String value) {
        try {
            JsonNode event = value == null ? null : JSON.readTree(value);
            return event == null ? "?" : event.path("type").asString("?");
        } catch (JacksonException notJson) {
            return "?";
        }
    }

    private Message message(SchemaRegistry registry, String ref, String address) {
        if (!ref.startsWith(MESSAGE_REF_PREFIX)) {
            throw new IllegalStateException("channel " + address + ": message reference '" + ref + "' is not to #/components/messages");
        }
        String component = ref.substring(MESSAGE_REF_PREFIX.length());
        JsonNode node = document.path("components").path("messages").path(component);
        if (!node.isObject()) {
            throw new IllegalStateException("channel " + address + ": " + ref + " does not exist");
        }
        String what = "message " + component;
        String type = required(node, "name", what);
        String keyRule = required(node, "x-delms-key", what);
        if (!KEY_RULES.contains(keyRule)) {
            throw new IllegalStateException(what + ": x-delms-key '" + keyRule + "' is not one of " + KEY_RULES);
        }
        if (!node.path("payload").isObject() || !node.path("bindings").path("kafka").path("key").isObject()) {
            throw new IllegalStateException(what + " needs a payload and a bindings.kafka.key schema");
        }
        String at = BASE + MESSAGE_REF_PREFIX + component;
        return new Message(component, type, keyRule, registry.getSchema(SchemaLocation.of(at + "/payload")),
                registry.getSchema(SchemaLocation.of(at + "/bindings/kafka/key")));
    }

    /** The schema of {@code data} a message's payload refers to (the second part of its allOf). */
    String dataSchemaRef(Message message) {
        return document.path("components").path("messages").path(message.component())
                .path("payload").path("allOf").path(1).path("properties").path("data").path("$ref").asString("");
    }

    private static String required(JsonNode node, String field, String what) {
        String value = node.path(field).asString("");
        if (value.isBlank()) {
            throw new IllegalStateException(what + " has no " + field);
        }
        return value;
    }

    private static String describe(Error error) {
        String message = error.getMessage();
        String location = String.valueOf(error.getInstanceLocation());
        if (!location.isEmpty() && message.startsWith(location)) {
            return message;
        }
        // a JSON pointer into the record value; "/" is the envelope itself
        return (location.isEmpty() ? "/" : location) + ": " + message;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** Keeps the failure message of a check readable when many records are wrong. */
    static String summarize(List<String> violations, int limit) {
        List<String> shown = new ArrayList<>(violations.subList(0, Math.min(limit, violations.size())));
        if (violations.size() > limit) {
            shown.add("... and " + (violations.size() - limit) + " more");
        }
        return String.join("\n", shown);
    }
}
