package ai.dify.delms.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import tools.jackson.databind.json.JsonMapper;

import ai.dify.delms.deploy.RenderedOverlay.RenderedObject;

/**
 * The operators' resources without a published model, checked against the schemas in
 * src/test/resources/crd-schemas (written from the operators' documentation, README there), their
 * metadata as fabric8's ObjectMeta.
 */
final class CustomResourceSchemas {

    /** apiVersion/kind of each resource k8s/ may use that is checked by a schema here. */
    static final Map<String, String> SCHEMAS = Map.of(
            "k8s.keycloak.org/v2alpha1/Keycloak", "Keycloak.yaml",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "KeycloakRealmImport.yaml",
            "mysql.oracle.com/v2/InnoDBCluster", "InnoDBCluster.yaml",
            "keda.sh/v1alpha1/ScaledObject", "ScaledObject.yaml");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CustomResourceSchemas() {
    }

    static boolean covers(RenderedObject object) {
        return SCHEMAS.containsKey(key(object));
    }

    /** What is wrong with the object, empty when it matches its schema. */
    static List<String> violations(RenderedObject object) {
        String file = SCHEMAS.get(key(object));
        if (file == null) {
            return List.of("no typed model and no schema for " + key(object));
        }
        Schema schema = LOADED.computeIfAbsent(file, CustomResourceSchemas::load);
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(JSON.readTree(object.tree().toString()))) {
            problems.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        ObjectMeta metadata = RenderedOverlay.SERIALIZATION.convertValue(object.tree().path("metadata"), ObjectMeta.class);
        StrictModel.unknownFields(metadata).forEach(field -> problems.add("metadata: unknown " + field));
        return problems;
    }

    private static String key(RenderedObject object) {
        return object.tree().path("apiVersion").asText() + "/" + object.kind();
    }

    private static Schema load(String file) {
        try (InputStream in = CustomResourceSchemas.class.getResourceAsStream("/crd-schemas/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no schema crd-schemas/" + file);
            }
            return REGISTRY.getSchema(in, InputFormat.YAML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
