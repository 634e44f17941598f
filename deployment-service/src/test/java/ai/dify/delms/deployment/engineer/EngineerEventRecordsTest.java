package ai.dify.delms.deployment.engineer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.dify.delms.deployment.engineer.internal.EngineerEvents;
import ai.dify.delms.deployment.engineer.internal.EngineerEvents.EngineerEvent;
import ai.dify.delms.platform.events.DomainEvent;
import ai.dify.delms.platform.test.DocumentedEvents;
import tools.jackson.databind.json.JsonMapper;

/** Each engineer event record, written as DomainEvents writes it, is the message docs/asyncapi.yaml documents. */
class EngineerEventRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DocumentedEvents DOCUMENTED = DocumentedEvents.load();

    private final Engineer engineer = new Engineer("Erin Field", "erin@example.com", "EMEA", List.of("k8s", "helm"),
            true, Instant.now());

    @Test
    void everyEngineerEventIsTheDocumentedMessageOnTheDeploymentsTopicKeyedByEngineerId() {
        List<EngineerEvent> events = List.of(EngineerEvents.EngineerCreated.of(engineer),
                EngineerEvents.EngineerUpdated.of(engineer), EngineerEvents.EngineerDeleted.of(engineer));

        for (EngineerEvent event : events) {
            assertDocumented(event);
            assertThat(event.topic()).isEqualTo("delms.deployments");
            assertThat(event.subject()).as(event.type()).isEqualTo(engineer.getId().toString());
            assertThat(event.key()).as(event.type()).isEqualTo(engineer.getId().toString());
        }
        assertThat(events).extracting(DomainEvent::type)
                .containsExactlyInAnyOrderElementsOf(DOCUMENTED.typesOf("engineer"));
        assertThat(events).extracting(Object::getClass)
                .containsExactlyInAnyOrder(EngineerEvent.class.getPermittedSubclasses());
    }

    @Test
    void anEventCarriesTheEngineersVersionAndADeletionOneOn() {
        assertThat(JSON.readTree(JSON.writeValueAsString(EngineerEvents.EngineerUpdated.of(engineer)))
                .get("version").asLong()).isEqualTo(engineer.getVersion());
        assertThat(EngineerEvents.EngineerDeleted.of(engineer).version()).isEqualTo(engineer.getVersion() + 1);
    }

    private static void assertDocumented(DomainEvent event) {
        DOCUMENTED.assertDocumented(event.topic(), event.type(), event.subject(), event.key(),
                JSON.writeValueAsString(event));
    }
}
