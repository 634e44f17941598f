package ai.dify.delms.systemtests.contract;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document itself (no running system): it parses, covers every topic and gives every type a schema. */
class EventContractTest {

    private static final EventContract contract = EventContract.load();
    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void describesEveryTopicAndItsDeadLetterTopicWithTheSameTypes() {
        for (String topic : EventContract.TOPICS) {
            assertThat(contract.typesOn(topic)).as(topic).isNotEmpty();
            assertThat(contract.typesOn(topic + ".dlt").keySet()).as(topic + ".dlt")
                    .isEqualTo(contract.typesOn(topic).keySet());
        }
        assertThat(contract.addresses()).hasSize(EventContract.TOPICS.size() * 2);
    }

    @Test
    void everyTypeHasADataSchemaAndAKeyRule() {
        JsonNode schemas = contract.document().path("components").path("schemas");
        for (String topic : contract.addresses()) {
            for (EventContract.Message message : contract.typesOn(topic).values()) {
                String what = topic + " " + message.type();
                assertThat(message.type()).as(what).matches("delms\\.[a-z-]+\\.[a-z-]+\\.v\\d+");
                String ref = contract.dataSchemaRef(message);
                assertThat(ref).as(what + " data schema").startsWith("#/components/schemas/");
                JsonNode data = schemas.path(ref.substring("#/components/schemas/".length()));
                assertThat(data.path("type").asString("")).as(what + " data schema " + ref).isEqualTo("object");
                assertThat(data.path("required").isArray()).as(what + " required fields").isTrue();
                assertThat(data.path("additionalProperties").asBoolean(false))
                        .as(what + ": consumers ignore unknown fields").isTrue();
                for (JsonNode field : data.path("required")) {
                    assertThat(data.path("properties").has(field.asString())).as(what + " describes " + field).isTrue();
                }
                assertThat(EventContract.KEY_RULES).as(what).contains(message.keyRule());
            }
        }
    }

    @Test
    void noSchemaHasAnEmptyKeyword() {
        // e.g. an unquoted comma in a YAML flow mapping silently turns half a description into a keyword
        List<String> empty = new ArrayList<>();
        collectEmpty(contract.document().path("components").path("schemas"), "#/components/schemas", empty);
        for (Map.Entry<String, JsonNode> message : contract.document().path("components").path("messages").properties()) {
            collectEmpty(message.getValue().path("payload"), "#/components/messages/" + message.getKey() + "/payload", empty);
        }
        assertThat(empty).isEmpty();
    }

    @Test
    void theDocumentsOwnExampleMatchesIt() {
        ObjectNode example = alertExample();
        assertThat(contract.violations("delms.alerts", "ENT-202601-000042", json.writeValueAsString(example))).isEmpty();
    }

    @Test
    void aLicenseCreatedAsLicenseServiceWritesItMatches() {
        String perpetual = """
                {"specversion":"1.0","id":"0f9a3c8e-3f0e-4a59-8d4f-6e2b1c7d9a10","source":"/delms/license-service",
                 "type":"delms.license.created.v1","subject":"PRO-202611-000007","time":"2026-11-29T10:15:30.120Z",
                 "datacontenttype":"application/json",
                 "traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                 "actorsubject":"2b1c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b","actorusername":"alice","actorclientid":"delms-web",
                 "data":{"id":"PRO-202611-000007","productType":"PRO","licenseType":"PERPETUAL","status":"CREATED",
                   "customerId":"5a3b1c2d-0e9f-4a8b-b7c6-d5e4f3a2b1c0","salesRepId":null,"resellerId":null,
                   "orderDate":"2026-11-28","startDate":"2026-12-01","expiryDate":null,
                   "authorizedWorkspaces":5,"authorizedUsers":50,"version":0,"someFutureField":true}}
                """;
        assertThat(contract.violations("delms.licenses", "PRO-202611-000007", perpetual)).isEmpty();
    }

    @Test
    void aStatusChangeAsLicenseServiceWritesItMatchesAndOneWithoutVersionOrStateDoesNot() {
        String suspended = """
                {"specversion":"1.0","id":"7d1f3a2b-1c4e-4f5a-9b8c-2d3e4f5a6b7c","source":"/delms/license-service",
                 "type":"delms.license.status-changed.v1","subject":"ENT-202611-000008","time":"2026-11-29T10:15:30.120Z",
                 "datacontenttype":"application/json",
                 "data":{"licenseId":"ENT-202611-000008","from":"IN_USE","to":"SUSPENDED","reason":"unpaid",
                   "actor":"alice","version":4,
                   "license":{"id":"ENT-202611-000008","productType":"ENT","licenseType":"SUBSCRIPTION",
                     "status":"SUSPENDED","customerId":"5a3b1c2d-0e9f-4a8b-b7c6-d5e4f3a2b1c0","salesRepId":null,
                     "resellerId":null,"orderDate":"2026-11-28","startDate":"2026-12-01","expiryDate":"2027-11-30",
                     "authorizedWorkspaces":5,"authorizedUsers":50}}}
                """;
        assertThat(contract.violations("delms.licenses", "ENT-202611-000008", suspended)).isEmpty();

        String unversioned = suspended.replace("\"version\":4,", "");
        assertThat(contract.violations("delms.licenses", "ENT-202611-000008", unversioned))
                .anySatisfy(v -> assertThat(v).contains("version"));
    }

    @Test
    void aLicenseSnapshotAsLicenseServiceWritesItMatchesOnTheTopicAndItsDeadLetterTopic() {
        String snapshot = """
                {"specversion":"1.0","id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","source":"/delms/license-service",
                 "type":"delms.license.snapshot.v1","subject":"ENT-202611-000008","time":"2026-12-01T08:00:00.250Z",
                 "datacontenttype":"application/json","actorsubject":"2b1c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b",
                 "actorusername":"alice","actorclientid":"delms-web",
                 "data":{"licenseId":"ENT-202611-000008","version":4,
                   "license":{"id":"ENT-202611-000008","productType":"ENT","licenseType":"SUBSCRIPTION",
                     "status":"IN_USE","customerId":"5a3b1c2d-0e9f-4a8b-b7c6-d5e4f3a2b1c0","salesRepId":null,
                     "resellerId":null,"orderDate":"2026-11-28","startDate":"2026-12-01","expiryDate":"2027-11-30",
                     "authorizedWorkspaces":5,"authorizedUsers":50},
                   "createdAt":"2026-11-28T09:30:00.123456Z","statusChangedAt":"2026-11-29T10:15:30.120Z",
                   "usage":{"workspaces":3,"users":41,"reportedAt":"2026-11-30T23:00:00Z"},
                   "snapshotId":"0c7e2f4a-8b1d-4e6f-9a3c-5d7b9e1f3a5c"}}
                """;
        assertThat(contract.violations("delms.licenses", "ENT-202611-000008", snapshot)).isEmpty();
        assertThat(contract.violations("delms.licenses.dlt", "ENT-202611-000008", snapshot)).isEmpty();

        String beforeAnyUsage = snapshot.replace("{\"workspaces\":3,\"users\":41,\"reportedAt\":\"2026-11-30T23:00:00Z\"}", "null");
        assertThat(contract.violations("delms.licenses", "ENT-202611-000008", beforeAnyUsage)).isEmpty();
        String withoutState = snapshot.replaceAll("\"license\":\\{[^}]*},", "");
        assertThat(contract.violations("delms.licenses", "ENT-202611-000008", withoutState))
                .anySatisfy(v -> assertThat(v).contains("license"));
    }

    /** What the chassis declares for every topic (DelmsTopics), stated for subscribers in each channel's binding. */
    @Test
    void everyTopicAndDeadLetterTopicIsDocumentedAsKeptForever() {
        JsonNode bindings = contract.document().path("components").path("channelBindings");
        for (Map.Entry<String, JsonNode> channel : contract.document().path("channels").properties()) {
            String what = channel.getValue().path("address").asString();
            String ref = channel.getValue().path("bindings").path("$ref").asString("");
            assertThat(ref).as(what + " bindings").startsWith("#/components/channelBindings/");
            JsonNode topic = bindings.path(ref.substring("#/components/channelBindings/".length())).path("kafka")
                    .path("topicConfiguration");
            assertThat(topic.path("retention.ms").asLong(0)).as(what + " retention.ms").isEqualTo(-1);
            assertThat(topic.path("retention.bytes").asLong(0)).as(what + " retention.bytes").isEqualTo(-1);
        }
    }

    @Test
    void aRecordMissingARequiredFieldIsNamedByTopicTypeAndField() {
        ObjectNode example = alertExample();
        ((ObjectNode) example.path("data")).remove("licenseId");
        ((ObjectNode) example.path("data")).put("severity", "LOUD");

        List<String> violations = contract.violations("delms.alerts", "ENT-202601-000042", json.writeValueAsString(example));

        assertThat(violations).anySatisfy(v -> assertThat(v).startsWith("delms.alerts delms.alert.raised.v1").contains("licenseId"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("/data/severity"));
    }

    @Test
    void aBadEnvelopeIsRefused() {
        ObjectNode example = alertExample();
        example.remove("time");
        example.put("id", "not-a-uuid");
        example.put("datacontenttype", "text/plain");

        List<String> violations = contract.violations("delms.alerts", "ENT-202601-000042", json.writeValueAsString(example));

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("/: required property 'time'"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("/id"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("/datacontenttype"));
    }

    @Test
    void aTypeFromAnotherTopicOrAWrongKeyIsRefused() {
        String alert = json.writeValueAsString(alertExample());

        assertThat(contract.violations("delms.licenses", "ENT-202601-000042", alert))
                .anySatisfy(v -> assertThat(v).contains("delms.licenses delms.alert.raised.v1 /type"));
        assertThat(contract.violations("delms.alerts", "ENT-202601-000043", alert))
                .anySatisfy(v -> assertThat(v).contains("key: 'ENT-202601-000043' must equal data.licenseId"));
        assertThat(contract.violations("delms.alerts", null, alert))
                .anySatisfy(v -> assertThat(v).contains("no key"));
        assertThat(contract.violations("delms.alerts", "x", "not json"))
                .singleElement().asString().contains("not a JSON object");
    }

    @Test
    void theDocumentLoadsFromItsText() {
        assertThat(EventContract.parse("""
                asyncapi: 3.0.0
                channels: {}
                components: {schemas: {CloudEvent: {type: object}}}
                """).addresses()).isEmpty();
    }

    private static void collectEmpty(JsonNode node, String path, List<String> empty) {
        if (node.isNull()) {
            empty.add(path);
        }
        if (node.isObject()) {
            node.properties().forEach(field -> collectEmpty(field.getValue(), path + "/" + field.getKey(), empty));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectEmpty(node.get(i), path + "/" + i, empty);
            }
        }
    }

    private static ObjectNode alertExample() {
        JsonNode example = contract.document().path("components").path("messages").path("alertRaised")
                .path("examples").path(0).path("payload");
        assertThat(example.isObject()).as("the alertRaised example").isTrue();
        return (ObjectNode) example.deepCopy();
    }
}
