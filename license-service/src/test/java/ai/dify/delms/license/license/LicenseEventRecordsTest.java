package ai.dify.delms.license.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.dify.delms.license.license.LicenseEvents.LicenseEvent;
import ai.dify.delms.platform.events.DomainEvent;
import ai.dify.delms.platform.test.DocumentedEvents;
import tools.jackson.databind.json.JsonMapper;

/** Each license event record, written as DomainEvents writes it, is the message docs/asyncapi.yaml documents. */
class LicenseEventRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DocumentedEvents DOCUMENTED = DocumentedEvents.load();
    private static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");

    @Test
    void everyLicenseEventIsTheDocumentedMessageOnTheLicensesTopicKeyedByLicenseId() {
        License license = Licenses.license(LicenseType.SUBSCRIPTION, LicenseStatus.IN_USE,
                LocalDate.parse("2026-06-30"), 10, 100, "ENT");
        List<LicenseEvent> events = List.of(
                LicenseEvents.LicenseCreated.of(license),
                LicenseEvents.LicenseUpdated.of(license, List.of(FieldChange.of("authorizedUsers", 50, 100)), "alice",
                        "purchase 6f1c (EXPANSION)", new ChangeOrigin(NOW, ChangeSource.EVENT)),
                LicenseEvents.LicenseStatusChanged.of(license, LicenseStatus.DEPLOYED, null, "erin",
                        new ChangeOrigin(NOW, ChangeSource.API)),
                LicenseEvents.UsageReported.of(license, license.getUsage(),
                        new UsageApplied(null, true, LicenseStatus.DEPLOYED, LicenseStatus.IN_USE, false, false), "erin",
                        new ChangeOrigin(NOW, ChangeSource.API)),
                LicenseEvents.LicenseExpired.of(license),
                LicenseEvents.LicenseSnapshot.of(license, NOW, UUID.randomUUID()),
                LicenseEvents.LicenseFileIssued.of(license, "LF-" + license.getId().value() + "-1", "lk-20260201-3f9a2c",
                        NOW, "erin"));

        for (LicenseEvent event : events) {
            assertDocumented(event);
            assertThat(event.topic()).isEqualTo("delms.licenses");
            assertThat(event.subject()).as(event.type()).isEqualTo(license.getId().value());
            assertThat(event.key()).as(event.type()).isEqualTo(license.getId().value());
        }
        assertThat(events).extracting(DomainEvent::type)
                .containsExactlyInAnyOrderElementsOf(DOCUMENTED.typesOf("license"));
        assertThat(events).extracting(Object::getClass)
                .containsExactlyInAnyOrder(LicenseEvent.class.getPermittedSubclasses());
    }

    /** What the change log and the timeline take from an event in-process is not written into its payload. */
    @Test
    void theInProcessFactsOfAnEventStayOutOfItsPayload() {
        License license = Licenses.license(LicenseType.SUBSCRIPTION, LicenseStatus.IN_USE,
                LocalDate.parse("2026-06-30"), 10, 100, "ENT");
        ChangeOrigin origin = new ChangeOrigin(NOW, ChangeSource.EVENT);
        String created = JSON.writeValueAsString(LicenseEvents.LicenseCreated.of(license));
        String updated = JSON.writeValueAsString(LicenseEvents.LicenseUpdated.of(license,
                List.of(FieldChange.of("authorizedUsers", 50, 100)), "alice", "purchase 6f1c (EXPANSION)", origin));
        String usage = JSON.writeValueAsString(LicenseEvents.UsageReported.of(license, license.getUsage(),
                new UsageApplied(null, true, LicenseStatus.DEPLOYED, LicenseStatus.IN_USE, false, false), "erin",
                origin));

        assertThat(JSON.readTree(created).propertyNames()).doesNotContain("origin", "createdBy");
        assertThat(JSON.readTree(updated).propertyNames()).doesNotContain("origin", "reason");
        assertThat(JSON.readTree(usage).propertyNames()).doesNotContain("origin", "applied", "report");
        assertThat(updated).doesNotContain("purchase 6f1c");
    }

    private static void assertDocumented(DomainEvent event) {
        DOCUMENTED.assertDocumented(event.topic(), event.type(), event.subject(), event.key(),
                JSON.writeValueAsString(event));
    }
}
