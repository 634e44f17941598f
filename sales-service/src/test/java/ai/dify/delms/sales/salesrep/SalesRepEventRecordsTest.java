package ai.dify.delms.sales.salesrep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.dify.delms.platform.events.DomainEvent;
import ai.dify.delms.platform.test.DocumentedEvents;
import ai.dify.delms.sales.salesrep.internal.SalesRepEvents.SalesRepEvent;
import ai.dify.delms.sales.salesrep.internal.SalesRepEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each sales-rep event record, written as DomainEvents writes it, is the message docs/asyncapi.yaml documents. */
class SalesRepEventRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DocumentedEvents DOCUMENTED = DocumentedEvents.load();

    private final SalesRep rep = new SalesRep("Bob Seller", "bob@example.com", "EMEA", true, Instant.now());

    @Test
    void everySalesRepEventIsTheDocumentedMessageOnTheSalesTopicKeyedByRepId() {
        List<SalesRepEvent> events = List.of(SalesRepEvents.SalesRepCreated.of(rep),
                SalesRepEvents.SalesRepUpdated.of(rep), SalesRepEvents.SalesRepDeleted.of(rep));

        for (SalesRepEvent event : events) {
            assertDocumented(event);
            assertThat(event.topic()).isEqualTo("delms.sales");
            assertThat(event.subject()).as(event.type()).isEqualTo(rep.getId().toString());
            assertThat(event.key()).as(event.type()).isEqualTo(rep.getId().toString());
        }
        assertThat(events).extracting(DomainEvent::type)
                .containsExactlyInAnyOrderElementsOf(DOCUMENTED.typesOf("sales-rep"));
        assertThat(events).extracting(Object::getClass)
                .containsExactlyInAnyOrder(SalesRepEvent.class.getPermittedSubclasses());
    }

    @Test
    void aDeletionAnnouncesTheLastStateAsInactiveOneVersionOn() {
        JsonNode deleted = JSON.readTree(JSON.writeValueAsString(SalesRepEvents.SalesRepDeleted.of(rep)));

        assertThat(deleted.get("active").asBoolean()).isFalse();
        assertThat(deleted.get("version").asLong()).isEqualTo(rep.getVersion() + 1);
        assertThat(deleted.get("email").asString()).isEqualTo("bob@example.com");
    }

    private static void assertDocumented(DomainEvent event) {
        DOCUMENTED.assertDocumented(event.topic(), event.type(), event.subject(), event.key(),
                JSON.writeValueAsString(event));
    }
}
