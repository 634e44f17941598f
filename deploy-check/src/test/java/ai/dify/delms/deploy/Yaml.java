package ai.dify.delms.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** YAML as trees, one per document. */
final class Yaml {

    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    static List<JsonNode> documents(String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    static JsonNode document(String text) {
        List<JsonNode> documents = documents(text);
        if (documents.size() != 1) {
            throw new IllegalStateException("one YAML document expected, found " + documents.size());
        }
        return documents.get(0);
    }

    /** The document of a Spring configuration file that a profile expression activates. */
    static Optional<JsonNode> profileDocument(String springYaml, String onProfile) {
        return documents(springYaml).stream()
                .filter(d -> d.path("spring").path("config").path("activate").path("on-profile").asText("")
                        .equals(onProfile))
                .findFirst();
    }
}
