package ai.dify.delms.deployment.licenseview;

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

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.kafka.TestKafka;

@DelmsServiceTest
class LicenseViewIT {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Autowired
    TestKafka kafka;
    @Autowired
    LicenseViews views;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createdLicenseBecomesKnownAndAcceptsDeployments() {
        String licenseId = licenseId();
        assertThat(views.acceptsDeployments(licenseId)).isFalse();

        send(licenseId, licenseCreated(licenseId));

        Awaitility.await().atMost(BOUND).until(() -> views.find(licenseId).isPresent());
        LicenseView view = views.find(licenseId).orElseThrow();
        assertThat(view.getStatus()).isEqualTo("CREATED");
        assertThat(view.getCreatedAt()).isEqualTo(Instant.parse("2025-03-04T10:15:30Z"));
        assertThat(views.acceptsDeployments(licenseId)).isTrue();
    }

    @Test
    void orderDateIsKeptAndFollowsLicenseUpdates() {
        String licenseId = licenseId();
        send(licenseId, licenseCreated(licenseId));
        Awaitility.await().atMost(BOUND).until(() -> views.find(licenseId).isPresent());
        assertThat(views.find(licenseId).orElseThrow().getOrderDate()).isEqualTo(LocalDate.of(2025, 3, 1));

        send(licenseId, TestEvents.event(LicenseEvents.UPDATED, licenseId).source("/delms/license-service")
                .data(Map.of("licenseId", licenseId, "actor", "bob", "version", 1, "changes", List.of(
                        Map.of("field", "notes", "oldValue", "a", "newValue", "b"),
                        Map.of("field", "orderDate", "oldValue", "2025-03-01", "newValue", "2025-02-20")))));

        Awaitility.await().atMost(BOUND).until(() -> LocalDate.of(2025, 2, 20)
                .equals(views.find(licenseId).orElseThrow().getOrderDate()));
        assertThat(views.find(licenseId).orElseThrow().getStatus()).isEqualTo("CREATED");
    }

    @Test
    void redeliveredStatusChangeHasNoSecondEffect() {
        String licenseId = licenseId();
        send(licenseId, licenseCreated(licenseId));
        TestEvents suspended = statusChanged(licenseId, "CREATED", "SUSPENDED");
        send(licenseId, suspended);
        send(licenseId, statusChanged(licenseId, "SUSPENDED", "IN_USE"));
        Awaitility.await().atMost(BOUND)
                .until(() -> views.find(licenseId).map(v -> v.getStatus().equals("IN_USE")).orElse(false));

        // the suspension again: applied twice, it would suspend the license once more
        send(licenseId, suspended);
        send(licenseId, statusChanged(licenseId, "IN_USE", "TERMINATED").id("marker-" + licenseId));
        Awaitility.await().atMost(BOUND).until(() -> processed("marker-" + licenseId));

        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Long.class,
                suspended.id())).isEqualTo(1);
        assertThat(views.find(licenseId).orElseThrow().getStatus()).isEqualTo("TERMINATED");
        assertThat(views.acceptsDeployments(licenseId)).isFalse();
    }

    @Test
    void statusChangeOfAnUnseenLicenseIsRemembered() {
        String licenseId = licenseId();
        send(licenseId, statusChanged(licenseId, "IN_USE", "TERMINATED"));

        Awaitility.await().atMost(BOUND).until(() -> views.find(licenseId).isPresent());
        assertThat(views.find(licenseId).orElseThrow().getStatus()).isEqualTo("TERMINATED");
        assertThat(views.acceptsDeployments(licenseId)).isFalse();
    }

    /** An update that overtook the creation (e.g. a resubmission after an outage) is not lost. */
    @Test
    void anUpdateOfAnUnseenLicenseIsRememberedAndItsCreationAddsOnlyTheCreationTime() {
        String licenseId = licenseId();
        Map<String, Object> state = state(licenseId, "IN_USE");
        state.put("orderDate", "2025-02-20");
        send(licenseId, TestEvents.event(LicenseEvents.UPDATED, licenseId).source("/delms/license-service")
                .data(Map.of("licenseId", licenseId, "actor", "bob", "version", 3, "license", state,
                        "changes", List.of(Map.of("field", "orderDate", "oldValue", "2025-03-01",
                                "newValue", "2025-02-20")))));
        send(licenseId, licenseCreated(licenseId).data(withVersion(licenseCreatedData(licenseId), 0)));

        Awaitility.await().atMost(BOUND)
                .until(() -> views.find(licenseId).map(view -> view.getCreatedAt() != null).orElse(false));
        LicenseView view = views.find(licenseId).orElseThrow();
        assertThat(view.getStatus()).isEqualTo("IN_USE");
        assertThat(view.getOrderDate()).isEqualTo(LocalDate.of(2025, 2, 20));
        assertThat(view.getVersion()).isEqualTo(3);
    }

    /** Events of one license delivered out of order: the newest version wins, whatever arrives last. */
    @Test
    void aSuspensionArrivingAfterTheTerminationDoesNotReopenTheLicense() {
        String licenseId = licenseId();
        send(licenseId, licenseCreated(licenseId).data(withVersion(licenseCreatedData(licenseId), 0)));
        send(licenseId, statusChanged(licenseId, "SUSPENDED", "TERMINATED", 2));
        TestEvents late = statusChanged(licenseId, "IN_USE", "SUSPENDED", 1);
        send(licenseId, late);
        TestEvents lateUpdate = TestEvents.event(LicenseEvents.UPDATED, licenseId).source("/delms/license-service")
                .data(Map.of("licenseId", licenseId, "actor", "bob", "version", 1, "changes", List.of(),
                        "license", state(licenseId, "IN_USE")));
        send(licenseId, lateUpdate);
        Awaitility.await().atMost(BOUND).until(() -> processed(late.id()) && processed(lateUpdate.id()));

        LicenseView view = views.find(licenseId).orElseThrow();
        assertThat(view.getStatus()).isEqualTo("TERMINATED");
        assertThat(view.getVersion()).isEqualTo(2);
        assertThat(views.acceptsDeployments(licenseId)).isFalse();
        assertThat(view.getCreatedAt()).as("learnt from the creation all the same").isNotNull();
    }

    /** A read model rebuilt from a topic that lost the license's older records learns it from the snapshot. */
    @Test
    void aSnapshotMakesALicenseNotSeenYetKnown() {
        String licenseId = licenseId();
        send(licenseId, snapshot(licenseId, 3, "IN_USE"));

        Awaitility.await().atMost(BOUND).until(() -> views.find(licenseId).isPresent());
        LicenseView view = views.find(licenseId).orElseThrow();
        assertThat(view.getStatus()).isEqualTo("IN_USE");
        assertThat(view.getVersion()).isEqualTo(3);
        assertThat(view.getOrderDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(view.getCreatedAt()).isEqualTo(Instant.parse("2025-03-04T10:15:30Z"));
        assertThat(views.acceptsDeployments(licenseId)).isTrue();
    }

    @Test
    void anOlderSnapshotDoesNotOverwriteANewerState() {
        String licenseId = licenseId();
        send(licenseId, licenseCreated(licenseId).data(withVersion(licenseCreatedData(licenseId), 0)));
        send(licenseId, statusChanged(licenseId, "IN_USE", "TERMINATED", 2));
        TestEvents older = snapshot(licenseId, 1, "IN_USE");
        TestEvents same = snapshot(licenseId, 2, "IN_USE");
        send(licenseId, older);
        send(licenseId, same);
        Awaitility.await().atMost(BOUND).until(() -> processed(older.id()) && processed(same.id()));

        LicenseView view = views.find(licenseId).orElseThrow();
        assertThat(view.getStatus()).isEqualTo("TERMINATED");
        assertThat(view.getVersion()).isEqualTo(2);
        assertThat(views.acceptsDeployments(licenseId)).isFalse();
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        kafka.send(LicenseEvents.TOPIC, key, "not even json");

        ConsumerRecord<String, String> dead = kafka.awaitRecordWithKey(LicenseEvents.TOPIC + ".dlt", key);
        assertThat(dead.value()).isEqualTo("not even json");
        assertThat(TestKafka.header(dead, "kafka_dlt-original-topic")).isEqualTo(LicenseEvents.TOPIC);
        assertThat(TestKafka.header(dead, "kafka_dlt-exception-message")).contains("not JSON");
    }

    /** Keyed by the license id, as license-service does: one license's events go to one partition. */
    private void send(String licenseId, TestEvents event) {
        kafka.send(LicenseEvents.TOPIC, licenseId, event.toJson());
    }

    private boolean processed(String eventId) {
        return jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Long.class, eventId) > 0;
    }

    private static TestEvents licenseCreated(String licenseId) {
        return TestEvents.event(LicenseEvents.CREATED, licenseId).source("/delms/license-service")
                .data(licenseCreatedData(licenseId));
    }

    private static Map<String, Object> withVersion(Map<String, Object> data, long version) {
        data.put("version", version);
        return data;
    }

    /** A status change as license-service publishes it: with the license's version and state after it. */
    private static TestEvents statusChanged(String licenseId, String from, String to, long version) {
        return TestEvents.event(LicenseEvents.STATUS_CHANGED, licenseId).source("/delms/license-service")
                .data(Map.of("licenseId", licenseId, "from", from, "to", to, "reason", "test", "actor", "alice",
                        "version", version, "license", state(licenseId, to)));
    }

    /** {@code delms.license.snapshot.v1} as license-service publishes it: the license as it is now. */
    private static TestEvents snapshot(String licenseId, long version, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("licenseId", licenseId);
        data.put("version", version);
        data.put("license", state(licenseId, status));
        data.put("createdAt", "2025-03-04T10:15:30Z");
        data.put("statusChangedAt", "2025-04-01T08:00:00Z");
        data.put("usage", null);
        return TestEvents.event(LicenseEvents.SNAPSHOT, licenseId).source("/delms/license-service").data(data);
    }

    private static Map<String, Object> state(String licenseId, String status) {
        Map<String, Object> license = new LinkedHashMap<>(licenseCreatedData(licenseId));
        license.remove("createdAt");
        license.put("status", status);
        return license;
    }

    private static Map<String, Object> licenseCreatedData(String licenseId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", licenseId);
        data.put("productType", "ENT");
        data.put("licenseType", "SUBSCRIPTION");
        data.put("status", "CREATED");
        data.put("customerId", UUID.randomUUID().toString());
        data.put("orderDate", "2025-03-01");
        data.put("expiryDate", "2026-03-03");
        data.put("createdAt", "2025-03-04T10:15:30Z");
        return data;
    }

    private static TestEvents statusChanged(String licenseId, String from, String to) {
        return TestEvents.event(LicenseEvents.STATUS_CHANGED, licenseId).source("/delms/license-service")
                .data(Map.of("licenseId", licenseId, "from", from, "to", to, "reason", "test", "actor", "alice"));
    }

    private static String licenseId() {
        return "ENT-202503-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
