package ai.dify.delms.license.license;

import ai.dify.delms.license.license.internal.PartnerTimelineEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class PartnerTimelineEntryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aPurchaseKeepsItsTermsButNotItsPriceOrOrderReference() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("purchaseId", "p-1");
        details.put("type", "RENEWAL");
        details.put("periodEnd", "2027-03-01");
        details.put("amount", "12000.00");
        details.put("currency", "EUR");
        details.put("orderReference", "PO-77");
        PartnerTimelineEntry entry = PartnerTimelineEntry.of(staffEntry(TimelineKind.PURCHASE, "Renewal purchase", details));

        assertThat(entry.details().propertyNames()).containsExactlyInAnyOrder("type", "periodEnd");
        assertThat(entry.summary()).isEqualTo("Renewal purchase");
    }

    @Test
    void aDeploymentNamesNoEngineerInItsSummaryOrDetails() {
        PartnerTimelineEntry entry = PartnerTimelineEntry.of(staffEntry(TimelineKind.DEPLOYMENT,
                "Deployment completed by Dana", Map.of("engineerName", "Dana", "engineerId", "e-1",
                        "deploymentId", "d-1", "environment", "ON_PREMISES", "productVersion", "2.0")));

        assertThat(entry.summary()).isEqualTo("Deployment completed");
        assertThat(entry.details().propertyNames()).containsExactlyInAnyOrder("environment", "productVersion");
    }

    @Test
    void aStatusChangeLosesItsReasonAndEveryEntryItsActor() {
        PartnerTimelineEntry entry = PartnerTimelineEntry.of(staffEntry(TimelineKind.STATUS_CHANGED, "Status A → B",
                Map.of("from", "IN_USE", "to", "SUSPENDED", "reason", "unpaid", "source", "API")));

        assertThat(entry.details().propertyNames()).containsExactlyInAnyOrder("from", "to", "source");
        assertThat(JSON.writeValueAsString(entry)).doesNotContain("alice", "actor", "unpaid");
    }

    @Test
    void entriesWithoutDetailsOrWithOnlyHiddenOnesHaveNone() {
        assertThat(PartnerTimelineEntry.of(staffEntry(TimelineKind.CREATED, "License created", null)).details()).isNull();
        assertThat(PartnerTimelineEntry.of(staffEntry(TimelineKind.DEPLOYMENT, "Deployment completed",
                Map.of("engineerName", "Dana"))).details()).isNull();
    }

    private static TimelineEntry staffEntry(TimelineKind kind, String summary, Map<String, ?> details) {
        return new TimelineEntry(AT, kind, summary, "alice", details == null ? null : JSON.valueToTree(details));
    }
}
