package ai.dify.delms.sales.purchase.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.dify.delms.platform.test.DocumentedEvents;
import ai.dify.delms.sales.purchase.PurchaseType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The purchase event record, written as DomainEvents writes it, is the message docs/asyncapi.yaml documents. */
class PurchaseEventRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DocumentedEvents DOCUMENTED = DocumentedEvents.load();
    private static final String LICENSE_ID = "ENT-202601-000042";

    @Test
    void aRecordedPurchaseIsTheDocumentedMessageOnTheSalesTopicKeyedByLicenseId() {
        PurchaseTerms renewal = new PurchaseTerms(LICENSE_ID, PurchaseType.RENEWAL, LocalDate.parse("2026-01-20"),
                new BigDecimal("1200.00"), "EUR", LocalDate.parse("2026-07-01"), LocalDate.parse("2027-06-30"), 12,
                null, null, null, null, "PO-7", "renewed early");
        Purchase purchase = new Purchase(renewal, UUID.randomUUID(), null, "bob", Instant.now());
        PurchaseEvents.PurchaseRecorded event = PurchaseEvents.PurchaseRecorded.of(purchase);
        String json = JSON.writeValueAsString(event);

        DOCUMENTED.assertDocumented(event.topic(), event.type(), event.subject(), event.key(), json);
        assertThat(event.topic()).isEqualTo("delms.sales");
        assertThat(event.type()).isEqualTo("delms.purchase.recorded.v1");
        assertThat(event.subject()).isEqualTo(purchase.getId().toString());
        assertThat(event.key()).isEqualTo(LICENSE_ID);
        assertThat(DOCUMENTED.typesOf("purchase")).containsExactly(event.type());
        JsonNode data = JSON.readTree(json);
        assertThat(data.get("type").asString()).as("the purchase type, not the event's").isEqualTo("RENEWAL");
        assertThat(data.get("version").asLong()).isZero();
        assertThat(data.get("recordedBy").asString()).isEqualTo("bob");
    }
}
