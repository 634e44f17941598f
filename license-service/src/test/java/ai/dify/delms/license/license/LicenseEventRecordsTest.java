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
                LicenseEvents.LicenseUpdated.of(license, List.of(FieldChange.of("authorizedUsers", 50, 100)), "alice"),
                LicenseEvents.LicenseStatusChanged.of(license, LicenseStatus.DEPLOYED, null, "erin"),
                LicenseEvents.UsageReported.of(license, license.getUsage(), true, "erin"),
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

    private static void assertDocumented(DomainEvent event) {
        DOCUMENTED.assertDocumented(event.topic(), event.type(), event.subject(), event.key(),
                JSON.writeValueAsString(event));
    }
}
