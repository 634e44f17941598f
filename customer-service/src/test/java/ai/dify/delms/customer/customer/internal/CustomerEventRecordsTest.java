package ai.dify.delms.customer.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.dify.delms.customer.customer.internal.CustomerEvents.CustomerEvent;
import ai.dify.delms.platform.events.DomainEvent;
import ai.dify.delms.platform.test.DocumentedEvents;
import tools.jackson.databind.json.JsonMapper;

/** Each customer event record, written as DomainEvents writes it, is the message docs/asyncapi.yaml documents. */
class CustomerEventRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DocumentedEvents DOCUMENTED = DocumentedEvents.load();

    private final Customer customer = new Customer(new CustomerDetails("Acme", "Software", "EMEA", "DE", "Dana",
            "dana@acme.example", null, UUID.randomUUID(), null, "key account"), "alice", Instant.now());

    @Test
    void everyCustomerEventIsTheDocumentedMessageOnTheCustomersTopicKeyedByCustomerId() {
        List<CustomerEvent> events = List.of(CustomerEvents.CustomerCreated.of(customer),
                CustomerEvents.CustomerUpdated.of(customer), CustomerEvents.CustomerDeleted.of(customer));

        for (CustomerEvent event : events) {
            assertDocumented(event);
            assertThat(event.topic()).isEqualTo("delms.customers");
            assertThat(event.subject()).as(event.type()).isEqualTo(customer.getId().toString());
            assertThat(event.key()).as(event.type()).isEqualTo(customer.getId().toString());
        }
        assertThat(events).extracting(DomainEvent::type)
                .containsExactlyInAnyOrderElementsOf(DOCUMENTED.typesOf("customer"));
        assertThat(events).extracting(Object::getClass)
                .containsExactlyInAnyOrder(CustomerEvent.class.getPermittedSubclasses());
    }

    @Test
    void aDeletionAnnouncesTheLastStateOneVersionOn() {
        assertThat(CustomerEvents.CustomerUpdated.of(customer).version()).isEqualTo(customer.getVersion());
        assertThat(JSON.readTree(JSON.writeValueAsString(CustomerEvents.CustomerDeleted.of(customer)))
                .get("version").asLong()).isEqualTo(customer.getVersion() + 1);
    }

    private static void assertDocumented(DomainEvent event) {
        DOCUMENTED.assertDocumented(event.topic(), event.type(), event.subject(), event.key(),
                JSON.writeValueAsString(event));
    }
}
