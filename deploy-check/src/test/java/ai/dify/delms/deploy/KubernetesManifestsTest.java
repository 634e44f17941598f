package ai.dify.delms.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import ai.dify.delms.deploy.Components.Component;
import ai.dify.delms.deploy.RenderedOverlay.RenderedObject;

/**
 * Every overlay of k8s/, rendered offline and parsed with typed models, held to what a cluster and the
 * applications need: known kinds without unknown fields, probes, limits, pinned images, an autoscaler
 * and a disruption budget per Deployment, the component table's ports and probes, network policies
 * that follow the calls the code makes, and operator resources that match the event contract and the
 * environment the applications are given.
 */
class KubernetesManifestsTest {

    static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;

    private static final Components TABLE = Components.read();

    /** On Kubernetes, discovery is the Spring Cloud Kubernetes discovery server instead of Eureka. */

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectIsAKnownKindWithoutUnknownFields(String overlay) {
        SoftAssertions soft = new SoftAssertions();
        for (RenderedObject object : RenderedOverlay.of(overlay).objects) {
            if (object.model() instanceof GenericKubernetesResource) {
                soft.assertThat(CustomResourceSchemas.violations(object)).as("%s against its schema", object.describe())
                        .isEmpty();
            } else {
                soft.assertThat(StrictModel.unknownFields(object.model())).as("unknown fields of %s", object.describe())
                        .isEmpty();
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDeploymentIsProbedLimitedScaledAndShutDownGracefully(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        SoftAssertions soft = new SoftAssertions();
        for (Deployment deployment : rendered.models(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            for (Container container : pod.getContainers()) {
                String what = name + "/" + container.getName();
                soft.assertThat(container.getStartupProbe()).as("startup probe of %s", what).isNotNull();
                soft.assertThat(container.getLivenessProbe()).as("liveness probe of %s", what).isNotNull();
                soft.assertThat(container.getReadinessProbe()).as("readiness probe of %s", what).isNotNull();
                if (container.getLivenessProbe() != null && container.getReadinessProbe() != null) {
                    soft.assertThat(path(container.getLivenessProbe())).as("liveness and readiness of %s differ", what)
                            .isNotEqualTo(path(container.getReadinessProbe()));
                }
                assertLimited(soft, what, container);
                int preStop = container.getLifecycle() == null || container.getLifecycle().getPreStop() == null
                        || container.getLifecycle().getPreStop().getSleep() == null ? -1
                                : container.getLifecycle().getPreStop().getSleep().getSeconds().intValue();
                soft.assertThat(preStop).as("preStop pause of %s", what).isPositive();
                soft.assertThat(pod.getTerminationGracePeriodSeconds()).as("termination grace of %s", what)
                        .isGreaterThan(preStop + 20L);
            }
            soft.assertThat(pod.getTopologySpreadConstraints()).as("topology spread of %s", name).isNotEmpty();

            long autoscalers = rendered.models(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getKind().equals("Deployment")
                            && h.getSpec().getScaleTargetRef().getName().equals(name))
                    .count()
                    + rendered.ofKind("ScaledObject")
                            .filter(s -> s.tree().path("spec").path("scaleTargetRef").path("name").asText().equals(name))
                            .count();
            soft.assertThat(autoscalers).as("autoscalers (HPA or KEDA ScaledObject) of %s", name).isEqualTo(1);
            soft.assertThat(rendered.models(PodDisruptionBudget.class).stream()
                    .filter(p -> selects(p.getSpec().getSelector().getMatchLabels(), podLabels)).count())
                    .as("disruption budgets of %s", name).isEqualTo(1);
            soft.assertThat(rendered.models(Service.class).stream()
                    .filter(s -> selects(s.getSpec().getSelector(), podLabels)).map(s -> s.getMetadata().getName()))
                    .as("the Service of %s has its name", name).containsExactly(name);

            String account = pod.getServiceAccountName();
            ServiceAccount serviceAccount = rendered.named(ServiceAccount.class, account).orElse(null);
            soft.assertThat(serviceAccount).as("service account %s of %s", account, name).isNotNull();
            if (serviceAccount != null) {
                soft.assertThat(serviceAccount.getAutomountServiceAccountToken()).as("token automount of %s", account)
                        .isFalse();
                soft.assertThat(pod.getAutomountServiceAccountToken()).as("token automount of %s's pods", name).isFalse();
            }
        }
        soft.assertAll();
    }

    /**
     * On Kubernetes every API service is found as its Service (config/application.yml, profile
     * kubernetes): one instance per service the table lists, at a Service of that name and port.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceIsDiscoveredAsItsKubernetesService(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        JsonNode instances = Yaml.profileDocument(Repository.read("config/application.yml"), "kubernetes")
                .orElseThrow().path("spring").path("cloud").path("discovery").path("client").path("simple")
                .path("instances");
        List<String> services = new ArrayList<>();
        instances.fieldNames().forEachRemaining(services::add);
        assertThat(services).containsExactlyInAnyOrderElementsOf(TABLE.ofKind("service").stream()
                .map(Components.Component::name).toList());
        for (String service : services) {
            URI uri = URI.create(instances.path(service).path(0).path("uri").asText());
            assertThat(uri.getHost()).as("host of %s", service).isEqualTo(service);
            assertThat(uri.getPort()).as("port of %s", service).isEqualTo(TABLE.get(service).port());
            assertThat(rendered.named(Service.class, service).orElseThrow().getSpec().getPorts())
                    .as("ports of the Service %s", service).anyMatch(p -> p.getPort() == uri.getPort());
        }
    }

    /** No pod reads the Kubernetes API: no Role or binding exists, and none cluster-wide. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noPodIsGrantedApiAccess(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        assertThat(rendered.models(RoleBinding.class)).isEmpty();
        assertThat(rendered.models(Role.class)).isEmpty();
        assertThat(rendered.objects).noneMatch(o -> o.kind().startsWith("Cluster"));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyImageIsPinnedAndDelmsImagesCarryTheProjectVersion(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<Container> containers = new ArrayList<>();
        rendered.models(Deployment.class).forEach(d -> containers.addAll(d.getSpec().getTemplate().getSpec().getContainers()));
        rendered.models(Job.class).forEach(j -> containers.addAll(j.getSpec().getTemplate().getSpec().getContainers()));
        SoftAssertions soft = new SoftAssertions();
        for (Container container : containers) {
            String image = container.getImage();
            String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
            soft.assertThat(tag).as("tag of %s", image).isNotBlank().isNotEqualTo("latest");
            if (image.startsWith("delms/")) {
                soft.assertThat(image).isEqualTo(Repository.imageOf(container.getName()));
            }
        }
        rendered.models(Job.class).forEach(job -> job.getSpec().getTemplate().getSpec().getContainers()
                .forEach(c -> assertLimited(soft, job.getMetadata().getName() + "/" + c.getName(), c)));
        soft.assertAll();
    }

    /** The Spring applications listen and are probed where the component table says. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theApplicationsUseTheTablesPortsAndHealthChecks(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        SoftAssertions soft = new SoftAssertions();
        for (Component component : TABLE.springApplications()) {
            if (component.name().equals("discovery")) {
                soft.assertThat(rendered.named(Deployment.class, "discovery")).as("Eureka on Kubernetes").isEmpty();
                continue;
            }
            Deployment deployment = rendered.named(Deployment.class, component.name()).orElse(null);
            soft.assertThat(deployment).as("Deployment %s", component.name()).isNotNull();
            if (deployment == null) {
                continue;
            }
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            soft.assertThat(container.getImage()).isEqualTo(Repository.imageOf(component.name()));
            soft.assertThat(portNumber(container, "http")).as("port of %s", component.name()).isEqualTo(component.port());
            HTTPGetAction readiness = container.getReadinessProbe().getHttpGet();
            soft.assertThat(portNumber(container, readiness.getPort())).as("readiness port of %s", component.name())
                    .isEqualTo(component.probePort());
            if (component.probe().contains("readiness")) {
                soft.assertThat(readiness.getPath()).as("readiness of %s", component.name()).isEqualTo(component.probe());
                soft.assertThat(path(container.getLivenessProbe())).isEqualTo(component.probe().replace("readiness", "liveness"));
            } else {
                soft.assertThat(readiness.getPath()).startsWith(component.probe());
            }
            Service service = rendered.named(Service.class, component.name()).orElseThrow();
            soft.assertThat(service.getSpec().getPorts().get(0).getPort()).as("Service port of %s", component.name())
                    .isEqualTo(component.port());
            soft.assertThat(envNames(container)).as("what %s is given", component.name())
                    .contains("SPRING_PROFILES_ACTIVE", "DELMS_CONFIG_PASSWORD");
            if (component.kind().equals("service")) {
                soft.assertThat(envNames(container)).contains(component.databasePasswordVariable());
            }
        }
        soft.assertAll();
    }

    /** Each service is reached by the gateway and by the services whose code calls it, nobody else. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void networkPoliciesLetOnlyTheGatewayAndTheCallersTheCodeMakesReachAService(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Map<String, Set<String>> callers = ServiceCalls.callersByService(TABLE);
        assertThat(callers.values().stream().mapToInt(Set::size).sum()).as("calls found in the code").isPositive();
        SoftAssertions soft = new SoftAssertions();
        for (Component service : TABLE.ofKind("service")) {
            List<NetworkPolicy> policies = rendered.models(NetworkPolicy.class).stream()
                    .filter(p -> service.name().equals(p.getSpec().getPodSelector().getMatchLabels()
                            .get("app.kubernetes.io/name")))
                    .toList();
            soft.assertThat(policies).as("network policy of %s", service.name()).hasSize(1);
            if (policies.size() != 1) {
                continue;
            }
            NetworkPolicy policy = policies.get(0);
            soft.assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
            Set<String> allowed = new TreeSet<>();
            policy.getSpec().getIngress().forEach(rule -> {
                soft.assertThat(rule.getFrom()).as("%s: a rule without peers admits everyone", service.name()).isNotEmpty();
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    soft.assertThat(peer.getNamespaceSelector()).as("%s admits another namespace", service.name()).isNull();
                    allowed.add(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
                }
                rule.getPorts().forEach(p -> soft.assertThat(p.getPort().getIntVal()).isEqualTo(service.port()));
            });
            Set<String> expected = new TreeSet<>(callers.get(service.name()));
            expected.add("gateway");
            soft.assertThat(allowed).as("who may reach %s", service.name()).isEqualTo(expected);
        }
        soft.assertAll();
    }

    /** The topics and their settings are those of docs/asyncapi.yaml (records kept forever, decision 18). */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkaTopicsAreThoseOfTheEventContract(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        JsonNode contract = Yaml.document(Repository.read("docs/asyncapi.yaml"));
        JsonNode binding = contract.path("components").path("channelBindings").path("keptForever").path("kafka");
        Set<String> addresses = new TreeSet<>();
        contract.path("channels").forEach(c -> addresses.add(c.path("address").asText()));

        List<KafkaTopic> topics = rendered.models(KafkaTopic.class);
        assertThat(topics).extracting(t -> t.getSpec().getTopicName()).containsExactlyInAnyOrderElementsOf(addresses);
        Kafka kafka = rendered.models(Kafka.class).get(0);
        int brokers = rendered.models(KafkaNodePool.class).stream()
                .filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER)).mapToInt(p -> p.getSpec().getReplicas()).sum();
        SoftAssertions soft = new SoftAssertions();
        for (KafkaTopic topic : topics) {
            String name = topic.getSpec().getTopicName();
            soft.assertThat(topic.getMetadata().getLabels()).as("cluster of %s", name)
                    .containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
            soft.assertThat(topic.getSpec().getPartitions()).as("partitions of %s", name)
                    .isEqualTo(binding.path("partitions").asInt());
            binding.path("topicConfiguration").fields().forEachRemaining(e -> soft
                    .assertThat(String.valueOf(topic.getSpec().getConfig().get(e.getKey())))
                    .as("%s of %s", e.getKey(), name).isEqualTo(e.getValue().asText()));
            soft.assertThat(topic.getSpec().getReplicas()).as("replicas of %s", name).isBetween(1, brokers);
            int minInSync = Integer.parseInt(String.valueOf(topic.getSpec().getConfig().get("min.insync.replicas")));
            soft.assertThat(minInSync).as("min.insync.replicas of %s (a broker may be down)", name)
                    .isLessThanOrEqualTo(Math.max(1, topic.getSpec().getReplicas() - 1));
        }
        soft.assertAll();
    }

    /** delms-environment names the resources the operators create, so the applications find them. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theEnvironmentNamesWhatTheOperatorsAndTheManifestsCreate(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Map<String, String> env = rendered.models(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().startsWith("delms-environment")).findFirst().orElseThrow().getData();
        Kafka kafka = rendered.models(Kafka.class).get(0);
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> !l.isTls()).findFirst().orElseThrow();
        assertThat(env.get("DELMS_KAFKA_BOOTSTRAP"))
                .isEqualTo(kafka.getMetadata().getName() + "-kafka-bootstrap:" + plain.getPort());

        RenderedObject mysql = rendered.ofKind("InnoDBCluster").findFirst().orElseThrow();
        assertThat(env.get("DELMS_DB_URL")).isEqualTo("jdbc:mysql://" + mysql.name() + ":3306");

        RenderedObject keycloak = rendered.ofKind("Keycloak").findFirst().orElseThrow();
        RenderedObject realm = rendered.ofKind("KeycloakRealmImport").findFirst().orElseThrow();
        assertThat(realm.tree().path("spec").path("keycloakCRName").asText()).isEqualTo(keycloak.name());
        String realmName = realm.tree().path("spec").path("realm").path("realm").asText();
        URI jwks = URI.create(env.get("DELMS_JWKS_URI"));
        assertThat(jwks.getHost() + ":" + jwks.getPort()).isEqualTo(keycloak.name() + "-service:8080");
        assertThat(jwks.getPath()).isEqualTo("/realms/" + realmName + "/protocol/openid-connect/certs");
        assertThat(keycloak.tree().path("spec").path("http").path("httpEnabled").asBoolean()).isTrue();

        // the issuer tokens carry is Keycloak's public hostname, and the ingress routes it to Keycloak
        String hostname = keycloak.tree().path("spec").path("hostname").path("hostname").asText();
        assertThat(env.get("DELMS_ISSUER_URI")).isEqualTo(hostname + "/realms/" + realmName);
        assertThat(env.get("DELMS_ISSUER_ORIGIN")).isEqualTo(hostname);
        Ingress ingress = rendered.models(Ingress.class).get(0);
        assertThat(backendOf(ingress, URI.create(hostname).getHost())).isEqualTo(keycloak.name() + "-service:8080");

        URI config = URI.create(env.get("DELMS_CONFIG_URI"));
        assertThat(config.getHost() + ":" + config.getPort())
                .isEqualTo("config-server:" + TABLE.get("config-server").port());

        // the web app signs in from the host the ingress serves it at
        String appHost = ingress.getSpec().getRules().stream()
                .filter(r -> backend(r).equals("gateway:" + TABLE.get("gateway").port())).findFirst().orElseThrow().getHost();
        JsonNode web = null;
        for (JsonNode client : realm.tree().path("spec").path("realm").path("clients")) {
            if (client.path("clientId").asText().equals("delms-web")) {
                web = client;
            }
        }
        assertThat(web).isNotNull();
        web.path("redirectUris").forEach(uri -> assertThat(uri.asText()).startsWith("https://" + appHost + "/"));
        web.path("webOrigins").forEach(uri -> assertThat(uri.asText()).isEqualTo("https://" + appHost));
    }

    /** KEDA runs in its own namespace: its Kafka triggers name the broker and groups the services use. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kedaTriggersReadTheConsumerGroupsOnTheOverlaysBroker(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Kafka kafka = rendered.models(Kafka.class).get(0);
        Set<String> topics = rendered.models(KafkaTopic.class).stream().map(t -> t.getSpec().getTopicName())
                .collect(Collectors.toSet());
        rendered.ofKind("ScaledObject").forEach(scaled -> scaled.tree().path("spec").path("triggers").forEach(trigger -> {
            if (trigger.path("type").asText().equals("kafka")) {
                JsonNode m = trigger.path("metadata");
                assertThat(m.path("bootstrapServers").asText()).as("broker of %s", scaled.name()).isEqualTo(
                        kafka.getMetadata().getName() + "-kafka-bootstrap." + rendered.namespace() + ".svc:9092");
                assertThat(topics).contains(m.path("topic").asText());
                assertThat(m.path("consumerGroup").asText()).isNotBlank();
            }
        }));
    }

    private static void assertLimited(SoftAssertions soft, String what, Container container) {
        var resources = container.getResources();
        soft.assertThat(resources).as("resources of %s", what).isNotNull();
        if (resources != null) {
            soft.assertThat(resources.getRequests()).as("requests of %s", what).containsKeys("cpu", "memory");
            soft.assertThat(resources.getLimits()).as("limits of %s", what).containsKeys("cpu", "memory");
        }
    }

    private static String path(Probe probe) {
        return probe.getHttpGet() == null ? String.valueOf(probe.getExec()) : probe.getHttpGet().getPath();
    }

    private static int portNumber(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElse(-1);
    }

    private static int portNumber(Container container, IntOrString port) {
        return port.getIntVal() != null ? port.getIntVal() : portNumber(container, port.getStrVal());
    }

    private static Set<String> envNames(Container container) {
        return container.getEnv().stream().map(e -> e.getName()).collect(Collectors.toSet());
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static String backend(IngressRule rule) {
        var service = rule.getHttp().getPaths().get(0).getBackend().getService();
        return service.getName() + ":" + service.getPort().getNumber();
    }

    private static String backendOf(Ingress ingress, String host) {
        return ingress.getSpec().getRules().stream().filter(r -> Objects.equals(r.getHost(), host))
                .map(KubernetesManifestsTest::backend).findFirst().orElse("no rule for " + host);
    }
}
