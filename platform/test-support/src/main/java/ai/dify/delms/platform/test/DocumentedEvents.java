package ai.dify.delms.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The events {@value #DOCUMENT} documents, for a service's unit test of the event records it
 * publishes (written as {@code DomainEvents} writes them, {@code json.writeValueAsString(event)}):
 * <pre>{@code
 * DocumentedEvents.load().assertDocumented(event.topic(), event.type(), event.subject(), event.key(),
 *         json.writeValueAsString(event));
 * }</pre>
 * It checks what a record decides and the document states: the type is listed on the topic, the key
 * follows the message's rule ({@code x-delms-key}), and the data has exactly the fields of the
 * message's data schema, none missing and none added. Values are checked against the schemas on a
 * running system (system-tests' {@code EventContractIT}).
 */
public final class DocumentedEvents {

    /** Where the document lives, relative to the project root. */
    static final String DOCUMENT = "docs/asyncapi.yaml";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MESSAGE_REF_PREFIX = "#/components/messages/";
    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

    private final JsonNode document;
    /** type → its message (the same message is listed on a topic and on its dead-letter topic). */
    private final Map<String, JsonNode> messages = new TreeMap<>();
    /** type → the topics that list it. */
    private final Map<String, Set<String>> topics = new TreeMap<>();

    private DocumentedEvents(JsonNode document) {
        this.document = document;
        for (Map.Entry<String, JsonNode> channel : document.path("channels").properties()) {
            String address = channel.getValue().path("address").asString();
            for (JsonNode reference : channel.getValue().path("messages")) {
                String ref = reference.path("$ref").asString("");
                JsonNode message = document.path("components").path("messages")
                        .path(ref.substring(MESSAGE_REF_PREFIX.length()));
                String type = message.path("name").asString();
                messages.put(type, message);
                topics.computeIfAbsent(type, t -> new TreeSet<>()).add(address);
            }
        }
    }

    /** The project's document, found from the working directory upwards (a module's tests run in its folder). */
    public static DocumentedEvents load() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DOCUMENT);
            if (Files.isRegularFile(candidate)) {
                try {
                    return new DocumentedEvents(YAMLMapper.builder().build()
                            .readTree(Files.readString(candidate, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + candidate, e);
                }
            }
        }
        throw new IllegalStateException(DOCUMENT + " not found from " + Path.of("").toAbsolutePath() + " upwards");
    }

    /** The documented types of one aggregate, e.g. {@code "customer"}: every {@code delms.customer.*}. */
    public Set<String> typesOf(String aggregate) {
        Set<String> types = new LinkedHashSet<>();
        messages.keySet().stream().filter(type -> type.startsWith("delms." + aggregate + ".")).forEach(types::add);
        return types;
    }

    /**
     * Fails unless an event with this topic, type, subject and key and this data (the JSON a record is
     * written as) is a message the document describes.
     */
    public void assertDocumented(String topic, String type, String subject, String key, String data) {
        JsonNode message = messages.get(type);
        assertThat(message).as("%s is a type %s documents", type, DOCUMENT).isNotNull();
        assertThat(topics.get(type)).as("%s is published on %s", type, topic).contains(topic);
        assertThat(subject).as("%s subject", type).isNotBlank();

        JsonNode fields = JSON.readTree(data);
        assertThat(fields.isObject()).as("%s data is a JSON object: %s", type, data).isTrue();
        String keyRule = message.path("x-delms-key").asString();
        String expectedKey = switch (keyRule) {
            case "subject" -> subject;
            case "data.licenseId" -> fields.path("licenseId").asString(null);
            default -> throw new IllegalStateException(type + ": unknown x-delms-key " + keyRule);
        };
        assertThat(key).as("%s key (x-delms-key: %s)", type, keyRule).isNotBlank().isEqualTo(expectedKey);

        assertThat(fields.propertyNames()).as("%s data fields, documented in %s", type, dataSchemaRef(message))
                .containsExactlyInAnyOrderElementsOf(dataSchema(message).path("properties").propertyNames());
    }

    private JsonNode dataSchema(JsonNode message) {
        String ref = dataSchemaRef(message);
        assertThat(ref).as("%s data schema", message.path("name").asString()).startsWith(SCHEMA_REF_PREFIX);
        return document.path("components").path("schemas").path(ref.substring(SCHEMA_REF_PREFIX.length()));
    }

    /** The schema of {@code data} a message's payload refers to (the second part of its allOf). */
    private static String dataSchemaRef(JsonNode message) {
        return message.path("payload").path("allOf").path(1).path("properties").path("data").path("$ref").asString("");
    }
}
