package ai.dify.delms.sales.reseller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.dify.delms.platform.events.DomainEvent;
import ai.dify.delms.platform.test.DocumentedEvents;
import ai.dify.delms.sales.reseller.internal.ResellerEvents.ResellerEvent;
import ai.dify.delms.sales.reseller.internal.ResellerDetails;
import ai.dify.delms.sales.reseller.internal.ResellerEvents;
import ai.dify.delms.sales.reseller.internal.ResellerTier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each reseller event record, written as DomainEvents writes it, is the message docs/asyncapi.yaml documents. */
class ResellerEventRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DocumentedEvents DOCUMENTED = DocumentedEvents.load();

    private final Reseller reseller = new Reseller("acme-partners",
            ResellerDetails.of("Acme Partners", "sales@acme.example", "EMEA", ResellerTier.GOLD, true), Instant.now());

    @Test
    void everyResellerEventIsTheDocumentedMessageOnTheSalesTopicKeyedByResellerId() {
        List<ResellerEvent> events = List.of(ResellerEvents.ResellerCreated.of(reseller),
                ResellerEvents.ResellerUpdated.of(reseller), ResellerEvents.ResellerDeleted.of(reseller));

        for (ResellerEvent event : events) {
            assertDocumented(event);
            assertThat(event.topic()).isEqualTo("delms.sales");
            assertThat(event.subject()).as(event.type()).isEqualTo(reseller.getId().toString());
            assertThat(event.key()).as(event.type()).isEqualTo(reseller.getId().toString());
        }
        assertThat(events).extracting(DomainEvent::type)
                .containsExactlyInAnyOrderElementsOf(DOCUMENTED.typesOf("reseller"));
        assertThat(events).extracting(Object::getClass)
                .containsExactlyInAnyOrder(ResellerEvent.class.getPermittedSubclasses());
    }

    @Test
    void aDeletionAnnouncesTheLastStateAsInactiveOneVersionOn() {
        JsonNode deleted = JSON.readTree(JSON.writeValueAsString(ResellerEvents.ResellerDeleted.of(reseller)));

        assertThat(deleted.get("active").asBoolean()).isFalse();
        assertThat(deleted.get("version").asLong()).isEqualTo(reseller.getVersion() + 1);
        assertThat(deleted.get("code").asString()).isEqualTo("acme-partners");
    }

    private static void assertDocumented(DomainEvent event) {
        DOCUMENTED.assertDocumented(event.topic(), event.type(), event.subject(), event.key(),
                JSON.writeValueAsString(event));
    }
}
