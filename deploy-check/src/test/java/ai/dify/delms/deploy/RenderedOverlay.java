package ai.dify.delms.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * An overlay of k8s/ as {@code kubectl kustomize} renders it (offline), each object as a tree and as
 * the typed model of its kind: fabric8's for Kubernetes' own kinds, Strimzi's for its resources.
 * Kinds without a published model stay {@link GenericKubernetesResource} and are checked against a
 * schema ({@link CustomResourceSchemas}).
 */
final class RenderedOverlay {

    static final List<String> OVERLAYS = List.of("dev", "prod", "prod-keda");

    private static final String INSTALL = "kubectl (its built-in kustomize renders offline): "
            + "https://kubernetes.io/docs/tasks/tools/ or apt-get install -y kubectl from Kubernetes' apt repository";

    private static final Map<String, RenderedOverlay> CACHE = new ConcurrentHashMap<>();

    static final KubernetesSerialization SERIALIZATION = serialization();

    record RenderedObject(JsonNode tree, HasMetadata model) {

        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }

        String describe() {
            return kind() + " " + name();
        }

        <T> T as(Class<T> type) {
            return type.cast(model);
        }
    }

    final String name;
    final List<RenderedObject> objects;

    private RenderedOverlay(String name, List<RenderedObject> objects) {
        this.name = name;
        this.objects = objects;
    }

    static RenderedOverlay of(String overlay) {
        return CACHE.computeIfAbsent(overlay, RenderedOverlay::render);
    }

    private static RenderedOverlay render(String overlay) {
        String yaml = Command.run(INSTALL, "kubectl", "kustomize", "k8s/overlays/" + overlay);
        List<RenderedObject> objects = new ArrayList<>();
        for (JsonNode tree : Yaml.documents(yaml)) {
            objects.add(new RenderedObject(tree, SERIALIZATION.convertValue(tree, HasMetadata.class)));
        }
        return new RenderedOverlay(overlay, objects);
    }

    private static KubernetesSerialization serialization() {
        KubernetesSerialization serialization = new KubernetesSerialization();
        serialization.registerKubernetesResource("kafka.strimzi.io/v1", "Kafka", Kafka.class);
        serialization.registerKubernetesResource("kafka.strimzi.io/v1", "KafkaNodePool", KafkaNodePool.class);
        serialization.registerKubernetesResource("kafka.strimzi.io/v1", "KafkaTopic", KafkaTopic.class);
        return serialization;
    }

    Stream<RenderedObject> ofKind(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind));
    }

    <T> List<T> models(Class<T> type) {
        return objects.stream().map(RenderedObject::model).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return models(type).stream().filter(m -> m.getMetadata().getName().equals(name)).findFirst();
    }

    /** The overlay's namespace: every namespaced object is in it. */
    String namespace() {
        return objects.stream().map(o -> o.tree().path("metadata").path("namespace").asText(""))
                .filter(n -> !n.isEmpty()).findFirst().orElse("default");
    }

    @Override
    public String toString() {
        return name;
    }
}
