package ai.dify.delms.alert.licenseview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import ai.dify.delms.alert.LicenseEventsFixture;
import ai.dify.delms.alert.TestClock;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.kafka.TestKafka;

@DelmsServiceTest
class LicenseModelIT {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Autowired
    TestKafka kafka;
    @Autowired
    LicenseModels models;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createdLicenseLandsInTheReadModelWithItsLimitsAndExpiry() {
        String licenseId = licenseId();
        UUID customerId = UUID.randomUUID();
        send(licenseId, licenseCreated(licenseId, customerId));

        Awaitility.await().atMost(BOUND).until(() -> models.find(licenseId).isPresent());
        LicenseModel model = models.find(licenseId).orElseThrow();
        assertThat(model.getCustomerId()).isEqualTo(customerId);
        assertThat(model.getResellerId()).isEqualTo("acme");
        assertThat(model.getLicenseType()).isEqualTo("SUBSCRIPTION");
        assertThat(model.getStatus()).isEqualTo("CREATED");
        assertThat(model.getExpiryDate()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(model.getAuthorizedWorkspaces()).isEqualTo(5);
        assertThat(model.getAuthorizedUsers()).isEqualTo(50);
        assertThat(model.getCreatedAt()).isEqualTo(Instant.parse("2025-03-04T10:15:30Z"));
        assertThat(model.getUsageReportedAt()).isNull();
    }

    @Test
    void usageStatusAndUpdatesFollowTheLicense() {
        String licenseId = licenseId();
        send(licenseId, licenseCreated(licenseId, UUID.randomUUID()));
        send(licenseId, event(LicenseEvents.USAGE_REPORTED, licenseId, Map.of("licenseId", licenseId,
                "workspaces", 6, "users", 42, "reportedAt", "2025-05-01T08:00:00Z",
                "authorizedWorkspaces", 5, "authorizedUsers", 50)));
        send(licenseId, event(LicenseEvents.UPDATED, licenseId, Map.of("licenseId", licenseId, "actor", "bob",
                "version", 3, "changes", List.of(
                        Map.of("field", "expiryDate", "oldValue", "2026-03-03", "newValue", "2027-03-03"),
                        Map.of("field", "authorizedWorkspaces", "oldValue", 5, "newValue", 10)))));
        TestEvents last = statusChanged(licenseId, "CREATED", "IN_USE");
        send(licenseId, last);

        Awaitility.await().atMost(BOUND).until(() -> processed(last.id()));
        LicenseModel model = models.find(licenseId).orElseThrow();
        assertThat(model.getUsageWorkspaces()).isEqualTo(6);
        assertThat(model.getUsageUsers()).isEqualTo(42);
        assertThat(model.getUsageReportedAt()).isEqualTo(Instant.parse("2025-05-01T08:00:00Z"));
        assertThat(model.getExpiryDate()).isEqualTo(LocalDate.of(2027, 3, 3));
        assertThat(model.getAuthorizedWorkspaces()).isEqualTo(10);
        assertThat(model.getStatus()).isEqualTo("IN_USE");
    }

    @Test
    void redeliveredEventHasNoSecondEffect() {
        String licenseId = licenseId();
        send(licenseId, licenseCreated(licenseId, UUID.randomUUID()));
        TestEvents suspended = statusChanged(licenseId, "CREATED", "SUSPENDED");
        send(licenseId, suspended);
        send(licenseId, statusChanged(licenseId, "SUSPENDED", "IN_USE"));
        Awaitility.await().atMost(BOUND)
                .until(() -> models.find(licenseId).map(m -> "IN_USE".equals(m.getStatus())).orElse(false));

        // the suspension again: applied twice, it would suspend the license once more
        send(licenseId, suspended);
        TestEvents marker = event(LicenseEvents.USAGE_REPORTED, licenseId, Map.of("licenseId", licenseId,
                "workspaces", 1, "users", 2, "reportedAt", "2025-05-01T08:00:00Z"));
        send(licenseId, marker);
        Awaitility.await().atMost(BOUND).until(() -> processed(marker.id()));

        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Long.class,
                suspended.id())).isEqualTo(1);
        assertThat(models.find(licenseId).orElseThrow().getStatus()).isEqualTo("IN_USE");
        assertThat(jdbc.queryForObject("select count(*) from license_model where license_id = ?", Long.class,
                licenseId)).isEqualTo(1);
    }

    /** Events of one license delivered out of order: the newest version wins, whatever arrives last. */
    @Test
    void aSuspensionArrivingAfterTheTerminationDoesNotReviveTheLicense() {
        String licenseId = licenseId();
        LicenseEventsFixture fixture = new LicenseEventsFixture(kafka, jdbc, new TestClock());
        fixture.created(licenseId, new LicenseEventsFixture.State("IN_USE", LocalDate.of(2026, 3, 3), 5, 50));
        fixture.statusChanged(licenseId, "SUSPENDED", 3,
                new LicenseEventsFixture.State("TERMINATED", LocalDate.of(2026, 3, 3), 5, 50));
        fixture.statusChanged(licenseId, "IN_USE", 2,
                new LicenseEventsFixture.State("SUSPENDED", LocalDate.of(2026, 3, 3), 5, 50));
        fixture.updated(licenseId, 1, new LicenseEventsFixture.State("IN_USE", LocalDate.of(2027, 3, 3), 10, 50));

        LicenseModel model = models.find(licenseId).orElseThrow();
        assertThat(model.getStatus()).isEqualTo("TERMINATED");
        assertThat(model.getExpiryDate()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(model.getAuthorizedWorkspaces()).isEqualTo(5);
        assertThat(model.getVersion()).isEqualTo(3);
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        kafka.send(LicenseEvents.TOPIC, key, "[1, 2, 3]");

        ConsumerRecord<String, String> dead = kafka.awaitRecordWithKey(LicenseEvents.TOPIC + ".dlt", key);
        assertThat(dead.value()).isEqualTo("[1, 2, 3]");
        assertThat(TestKafka.header(dead, "kafka_dlt-original-topic")).isEqualTo(LicenseEvents.TOPIC);
    }

    @Test
    void usageReportWithAnInvalidPayloadIsDeadLettered() {
        String licenseId = licenseId();
        send(licenseId, event(LicenseEvents.USAGE_REPORTED, licenseId, Map.of("licenseId", licenseId,
                "workspaces", "several", "users", 2)));

        ConsumerRecord<String, String> dead = kafka.awaitRecordWithKey(LicenseEvents.TOPIC + ".dlt", licenseId);
        assertThat(TestKafka.header(dead, "kafka_dlt-exception-message")).contains("UsageReported");
        assertThat(models.find(licenseId)).isEmpty();
    }

    private void send(String licenseId, TestEvents event) {
        kafka.send(LicenseEvents.TOPIC, licenseId, event.toJson());
    }

    private boolean processed(String eventId) {
        return jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Long.class, eventId) > 0;
    }

    private static TestEvents licenseCreated(String licenseId, UUID customerId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", licenseId);
        data.put("productType", "ENT");
        data.put("licenseType", "SUBSCRIPTION");
        data.put("status", "CREATED");
        data.put("customerId", customerId.toString());
        data.put("salesRepId", null);
        data.put("resellerId", "acme");
        data.put("orderDate", "2025-03-04");
        data.put("startDate", "2025-03-04");
        data.put("expiryDate", "2026-03-03");
        data.put("authorizedWorkspaces", 5);
        data.put("authorizedUsers", 50);
        data.put("createdAt", "2025-03-04T10:15:30Z");
        return event(LicenseEvents.CREATED, licenseId, data);
    }

    private static TestEvents statusChanged(String licenseId, String from, String to) {
        return event(LicenseEvents.STATUS_CHANGED, licenseId,
                Map.of("licenseId", licenseId, "from", from, "to", to, "reason", "test", "actor", "alice"));
    }

    private static TestEvents event(String type, String licenseId, Object data) {
        return TestEvents.event(type, licenseId).source("/delms/license-service").data(data);
    }

    private static String licenseId() {
        return "ENT-202503-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
