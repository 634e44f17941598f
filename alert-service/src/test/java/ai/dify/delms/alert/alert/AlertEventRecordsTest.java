package ai.dify.delms.alert.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.dify.delms.alert.alert.internal.AlertEvents;
import ai.dify.delms.alert.alert.internal.AlertEvents.AlertEvent;
import ai.dify.delms.platform.events.DomainEvent;
import ai.dify.delms.platform.test.DocumentedEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each alert event record, written as DomainEvents writes it, is the message docs/asyncapi.yaml documents. */
class AlertEventRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DocumentedEvents DOCUMENTED = DocumentedEvents.load();
    private static final String LICENSE_ID = "ENT-202601-000042";
    private static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");

    @Test
    void everyAlertEventIsTheDocumentedMessageOnTheAlertsTopicKeyedByLicenseId() {
        Alert alert = Alert.raise(LICENSE_ID, UUID.randomUUID(), null, AlertType.OVERUSE_USERS, AlertSeverity.WARNING,
                "120 of 100 users", Map.of("used", 120, "authorized", 100), NOW);
        AlertEvent raised = AlertEvents.AlertRaised.of(alert);
        alert.acknowledge("alice", NOW);
        AlertEvent acknowledged = AlertEvents.AlertAcknowledged.of(alert);
        alert.resolve(NOW);
        List<AlertEvent> events = List.of(raised, acknowledged, AlertEvents.AlertResolved.of(alert));

        for (AlertEvent event : events) {
            assertDocumented(event);
            assertThat(event.topic()).isEqualTo("delms.alerts");
            assertThat(event.subject()).as(event.type()).isEqualTo(alert.getId().toString());
            assertThat(event.key()).as(event.type()).isEqualTo(LICENSE_ID);
        }
        assertThat(events).extracting(DomainEvent::type)
                .containsExactlyInAnyOrderElementsOf(DOCUMENTED.typesOf("alert"));
        assertThat(events).extracting(Object::getClass)
                .containsExactlyInAnyOrder(AlertEvent.class.getPermittedSubclasses());
    }

    @Test
    void thePayloadsTypeIsTheAlertsType() {
        Alert alert = Alert.raise(LICENSE_ID, null, "acme-partners", AlertType.EXPIRING_30, AlertSeverity.CRITICAL,
                "expires in 30 days", Map.of("daysToExpiry", 30), NOW);

        JsonNode data = JSON.readTree(JSON.writeValueAsString(AlertEvents.AlertRaised.of(alert)));

        assertThat(data.get("type").asString()).isEqualTo("EXPIRING_30");
        assertThat(data.get("details").get("daysToExpiry").asInt()).isEqualTo(30);
    }

    private static void assertDocumented(DomainEvent event) {
        DOCUMENTED.assertDocumented(event.topic(), event.type(), event.subject(), event.key(),
                JSON.writeValueAsString(event));
    }
}
