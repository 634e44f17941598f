package ai.dify.delms.sales.licenseview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import ai.dify.delms.sales.licenseview.internal.LicenseEvents;

@DelmsServiceTest
class LicenseFeedIT {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Autowired
    TestKafka kafka;
    @Autowired
    LicenseFeed feed;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;

    @Test
    void createdLicenseIsRecordedOnceEvenWhenTheEventIsRedelivered() {
        String licenseId = licenseId();
        UUID customerId = UUID.randomUUID();
        UUID salesRepId = UUID.randomUUID();
        TestEvents event = licenseCreated(licenseId, customerId, salesRepId);

        kafka.send(LicenseEvents.TOPIC, licenseId, event.toJson());
        Awaitility.await().atMost(BOUND).until(() -> feed.find(licenseId).isPresent());
        LicenseSale sale = feed.find(licenseId).orElseThrow();
        assertThat(sale.getCustomerId()).isEqualTo(customerId);
        assertThat(sale.getSalesRepId()).isEqualTo(salesRepId);
        assertThat(sale.getResellerId()).isEqualTo("acme");
        assertThat(sale.getProductType()).isEqualTo("ENT");
        assertThat(sale.getCreatedAt()).isEqualTo(Instant.parse("2025-03-04T10:15:30Z"));

        kafka.send(LicenseEvents.TOPIC, licenseId, event.toJson());
        // same key, same partition: once the marker is recorded, the redelivery was handled before it
        String marker = licenseId();
        kafka.send(LicenseEvents.TOPIC, licenseId, licenseCreated(marker, customerId, null).toJson());
        Awaitility.await().atMost(BOUND).until(() -> feed.find(marker).isPresent());

        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Long.class,
                event.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from license_sale where license_id = ?", Long.class,
                licenseId)).isEqualTo(1);
        assertThat(feed.find(marker).orElseThrow().getSalesRepId()).isNull();
    }

    /** An update delivered after a newer one (redelivered, reordered) does not bring back older terms. */
    @Test
    void anOlderUpdateArrivingLateChangesNothing() {
        TestLicenses licenses = new TestLicenses(kafka, feed);
        String licenseId = licenses.created(TestLicenses.license());
        TestLicenses.License renewedAndExpanded = TestLicenses.license().withExpiry(LocalDate.parse("2043-01-01"))
                .withLimits(5, 80);
        TestLicenses.License renewed = TestLicenses.license().withExpiry(LocalDate.parse("2042-01-01"));

        licenses.updated(licenseId, 2, renewedAndExpanded, "authorizedUsers", 50, 80);
        TestEvents late = TestLicenses.updatedEvent(licenseId, 1, renewed, "expiryDate", "2041-01-01", "2042-01-01");
        kafka.send(LicenseEvents.TOPIC, licenseId, late.toJson());
        Awaitility.await().atMost(BOUND).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id = ?", Long.class, late.id()) == 1);

        LicenseSale sale = feed.find(licenseId).orElseThrow();
        assertThat(sale.getExpiryDate()).isEqualTo(LocalDate.parse("2043-01-01"));
        assertThat(sale.getAuthorizedUsers()).isEqualTo(80);
        assertThat(sale.getLicenseVersion()).isEqualTo(2);
        // the earlier expiry was still one the license had (renewal statistics)
        assertThat(jdbc.queryForList("select expiry_date from license_expiry where license_id = ? order by expiry_date",
                LocalDate.class, licenseId)).containsExactly(LocalDate.parse("2041-01-01"),
                        LocalDate.parse("2042-01-01"), LocalDate.parse("2043-01-01"));
    }

    /** A feed rebuilt from a topic that lost the license's older records learns it from the snapshot. */
    @Test
    void aSnapshotRecordsALicenseNotKnownYet() {
        String licenseId = licenseId();
        UUID customerId = UUID.randomUUID();
        UUID salesRepId = UUID.randomUUID();
        TestLicenses.License state = TestLicenses.license().withRep(salesRepId).withExpiry(LocalDate.parse("2044-06-30"))
                .withLimits(7, 70);

        kafka.send(LicenseEvents.TOPIC, licenseId, TestLicenses.snapshotEvent(licenseId, 4, customerId, state).toJson());

        Awaitility.await().atMost(BOUND).until(() -> feed.find(licenseId).isPresent());
        LicenseSale sale = feed.find(licenseId).orElseThrow();
        assertThat(sale.getCustomerId()).isEqualTo(customerId);
        assertThat(sale.getSalesRepId()).isEqualTo(salesRepId);
        assertThat(sale.getProductType()).isEqualTo("ENT");
        assertThat(sale.getExpiryDate()).isEqualTo(LocalDate.parse("2044-06-30"));
        assertThat(sale.getAuthorizedWorkspaces()).isEqualTo(7);
        assertThat(sale.getAuthorizedUsers()).isEqualTo(70);
        assertThat(sale.getLicenseVersion()).isEqualTo(4);
        assertThat(sale.getCreatedAt()).isEqualTo(state.createdAt());
        assertThat(jdbc.queryForList("select expiry_date from license_expiry where license_id = ?", LocalDate.class,
                licenseId)).containsExactly(LocalDate.parse("2044-06-30"));
    }

    @Test
    void anOlderSnapshotDoesNotOverwriteNewerTerms() {
        TestLicenses licenses = new TestLicenses(kafka, feed);
        String licenseId = licenses.created(TestLicenses.license());
        UUID customerId = feed.find(licenseId).orElseThrow().getCustomerId();
        TestLicenses.License renewedAndExpanded = TestLicenses.license().withExpiry(LocalDate.parse("2043-01-01"))
                .withLimits(5, 80);
        licenses.updated(licenseId, 2, renewedAndExpanded, "authorizedUsers", 50, 80);
        TestLicenses.License lowered = TestLicenses.license().withLimits(2, 20);
        TestEvents older = TestLicenses.snapshotEvent(licenseId, 1, customerId, lowered);
        TestEvents same = TestLicenses.snapshotEvent(licenseId, 2, customerId, lowered);
        kafka.send(LicenseEvents.TOPIC, licenseId, older.toJson());
        kafka.send(LicenseEvents.TOPIC, licenseId, same.toJson());
        Awaitility.await().atMost(BOUND).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id in (?, ?)", Long.class, older.id(), same.id()) == 2);

        LicenseSale sale = feed.find(licenseId).orElseThrow();
        assertThat(sale.getExpiryDate()).isEqualTo(LocalDate.parse("2043-01-01"));
        assertThat(sale.getAuthorizedUsers()).isEqualTo(80);
        assertThat(sale.getLicenseVersion()).isEqualTo(2);
    }

    /**
     * An update that overtook its license's creation (both keyed by the license, so the creation is
     * behind it on the partition): it waits until its give-up, goes to the dead-letter topic as
     * not-known-yet, the creation is applied, and an admin's replay applies the update.
     */
    @Test
    void anUpdateThatOvertookItsCreationIsDeadLetteredThenAppliedWhenReplayed() throws Exception {
        String licenseId = licenseId();
        TestLicenses.License renewed = TestLicenses.license().withExpiry(LocalDate.parse("2043-01-01"))
                .withLimits(9, 90);
        TestEvents update = TestLicenses.updatedEvent(licenseId, 3, renewed, "expiryDate", "2041-01-01",
                "2043-01-01");
        kafka.send(LicenseEvents.TOPIC, licenseId, update.toJson());
        kafka.send(LicenseEvents.TOPIC, licenseId, TestLicenses.createdEvent(licenseId, TestLicenses.license()).toJson());

        ConsumerRecord<String, String> dead = kafka.awaitRecord(LicenseEvents.TOPIC + ".dlt",
                r -> r.value().contains(update.id()));
        assertThat(TestKafka.header(dead, "delms_dlt-failure")).isEqualTo("not-known-yet");
        Awaitility.await("the creation behind the update").atMost(BOUND).until(() -> feed.find(licenseId).isPresent());
        assertThat(feed.find(licenseId).orElseThrow().getLicenseVersion()).isZero();

        mvc.perform(post("/actuator/deadletters/" + LicenseEvents.TOPIC)
                        .header("Authorization", TestTokens.bearer(tokens.adminToken())))
                .andExpect(status().isOk());

        Awaitility.await("the replayed update").atMost(BOUND)
                .until(() -> Long.valueOf(3).equals(feed.find(licenseId).orElseThrow().getLicenseVersion()));
        LicenseSale sale = feed.find(licenseId).orElseThrow();
        assertThat(sale.getExpiryDate()).isEqualTo(LocalDate.parse("2043-01-01"));
        assertThat(sale.getAuthorizedUsers()).isEqualTo(90);
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        kafka.send(LicenseEvents.TOPIC, key, "{\"this is\": \"no cloud event\"}");

        ConsumerRecord<String, String> dead = kafka.awaitRecordWithKey(LicenseEvents.TOPIC + ".dlt", key);
        assertThat(dead.value()).isEqualTo("{\"this is\": \"no cloud event\"}");
        assertThat(TestKafka.header(dead, "kafka_dlt-original-topic")).isEqualTo(LicenseEvents.TOPIC);
        assertThat(TestKafka.header(dead, "kafka_dlt-exception-message")).contains("CloudEvent");
    }

    @Test
    void licenseEventWithoutCustomerIsDeadLetteredNotRecorded() {
        String licenseId = licenseId();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", licenseId);
        data.put("productType", "ENT");
        kafka.send(LicenseEvents.TOPIC, licenseId,
                TestEvents.event(LicenseEvents.CREATED, licenseId).source("/delms/license-service").data(data).toJson());

        kafka.awaitRecordWithKey(LicenseEvents.TOPIC + ".dlt", licenseId);
        assertThat(feed.find(licenseId)).isEmpty();
    }

    private static TestEvents licenseCreated(String licenseId, UUID customerId, UUID salesRepId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", licenseId);
        data.put("productType", "ENT");
        data.put("licenseType", "SUBSCRIPTION");
        data.put("status", "CREATED");
        data.put("customerId", customerId.toString());
        data.put("salesRepId", salesRepId == null ? null : salesRepId.toString());
        data.put("resellerId", "acme");
        data.put("startDate", "2025-03-04");
        data.put("expiryDate", "2026-03-03");
        data.put("authorizedWorkspaces", 5);
        data.put("authorizedUsers", 50);
        data.put("createdAt", "2025-03-04T10:15:30Z");
        return TestEvents.event(LicenseEvents.CREATED, licenseId).source("/delms/license-service").data(data);
    }

    private static String licenseId() {
        return "ENT-202503-" + String.format("%06d", (int) (Math.random() * 1_000_000));
    }
}
