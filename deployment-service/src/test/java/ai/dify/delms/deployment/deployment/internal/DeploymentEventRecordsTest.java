package ai.dify.delms.deployment.deployment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.dify.delms.deployment.deployment.internal.DeploymentEvents.DeploymentEvent;
import ai.dify.delms.deployment.deployment.internal.DeploymentEvents.DeploymentState;
import ai.dify.delms.platform.events.DomainEvent;
import ai.dify.delms.platform.test.DocumentedEvents;
import tools.jackson.databind.json.JsonMapper;

/** Each deployment event record, written as DomainEvents writes it, is the message docs/asyncapi.yaml documents. */
class DeploymentEventRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DocumentedEvents DOCUMENTED = DocumentedEvents.load();
    private static final String LICENSE_ID = "ENT-202601-000042";
    private static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");

    @Test
    void everyDeploymentEventIsTheDocumentedMessageOnTheDeploymentsTopicKeyedByLicenseId() {
        Deployment scheduled = scheduled();
        List<DeploymentEvent> events = List.of(
                new DeploymentEvents.DeploymentScheduled(state(scheduled, null)),
                new DeploymentEvents.DeploymentUpdated(state(scheduled, null)),
                DeploymentEvents.moved(state(movedTo(DeploymentStatus.IN_PROGRESS), "on site")),
                DeploymentEvents.moved(state(movedTo(DeploymentStatus.IN_PROGRESS, DeploymentStatus.COMPLETED), null)),
                DeploymentEvents.moved(state(movedTo(DeploymentStatus.IN_PROGRESS, DeploymentStatus.FAILED), null)),
                DeploymentEvents.moved(state(movedTo(DeploymentStatus.CANCELLED), "postponed")),
                new DeploymentEvents.DeploymentDeleted(state(scheduled, null)));

        for (DeploymentEvent event : events) {
            assertDocumented(event);
            assertThat(event.topic()).isEqualTo("delms.deployments");
            assertThat(event.subject()).as(event.type()).isEqualTo(event.deployment().deploymentId().toString());
            assertThat(event.key()).as(event.type()).isEqualTo(LICENSE_ID);
        }
        assertThat(events).extracting(DomainEvent::type)
                .containsExactlyInAnyOrderElementsOf(DOCUMENTED.typesOf("deployment"));
        assertThat(events).extracting(Object::getClass)
                .containsExactlyInAnyOrder(DeploymentEvent.class.getPermittedSubclasses());
    }

    @Test
    void aMoveIsAnnouncedByTheStatusItReached() {
        assertThat(DeploymentEvents.moved(state(movedTo(DeploymentStatus.IN_PROGRESS), null)).type())
                .isEqualTo(DeploymentEvents.STARTED);
        Deployment failed = movedTo(DeploymentStatus.IN_PROGRESS, DeploymentStatus.FAILED);
        assertThat(DeploymentEvents.moved(state(failed, null)).type()).isEqualTo(DeploymentEvents.FAILED);
        assertThatThrownBy(() -> DeploymentEvents.moved(state(scheduled(), null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Deployment scheduled() {
        return Deployment.schedule(LICENSE_ID, new DeploymentPlan(UUID.randomUUID(), LocalDate.parse("2026-02-10"),
                Environment.PRIVATE_CLOUD, "3.2.1", "first install"), "bob", NOW);
    }

    private static Deployment movedTo(DeploymentStatus... path) {
        Deployment deployment = scheduled();
        for (DeploymentStatus to : path) {
            deployment.moveTo(to, to == DeploymentStatus.FAILED ? "disk full" : null, "erin", NOW);
        }
        return deployment;
    }

    private static DeploymentState state(Deployment deployment, String note) {
        return DeploymentState.of(deployment, "Erin Field", note, "erin");
    }

    private static void assertDocumented(DomainEvent event) {
        DOCUMENTED.assertDocumented(event.topic(), event.type(), event.subject(), event.key(),
                JSON.writeValueAsString(event));
    }
}
