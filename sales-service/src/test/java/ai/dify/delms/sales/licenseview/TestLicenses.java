package ai.dify.delms.sales.licenseview;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;

import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.kafka.TestKafka;
import ai.dify.delms.sales.licenseview.internal.LicenseEvents;

/** Puts licenses into the license feed as license-service would announce them, and waits until they are known. */
public final class TestLicenses {

    private final TestKafka kafka;
    private final LicenseFeed feed;

    public TestLicenses(TestKafka kafka, LicenseFeed feed) {
        this.kafka = kafka;
        this.feed = feed;
    }

    /** A license as created by license-service; returns its id once the feed has it. */
    public String created(License license) {
        String id = "ENT-204001-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        kafka.send(LicenseEvents.TOPIC, id, createdEvent(id, license).toJson());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> feed.find(id).isPresent());
        return id;
    }

    /** license-service's created event of a license (version 0). */
    public static TestEvents createdEvent(String id, License license) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("productType", license.productType());
        data.put("licenseType", "SUBSCRIPTION");
        data.put("status", "CREATED");
        data.put("customerId", UUID.randomUUID().toString());
        data.put("salesRepId", license.salesRepId() == null ? null : license.salesRepId().toString());
        data.put("resellerId", license.resellerId() == null ? null : license.resellerId().toString());
        data.put("startDate", "2040-01-01");
        data.put("expiryDate", license.expiryDate() == null ? null : license.expiryDate().toString());
        data.put("authorizedWorkspaces", license.workspaces());
        data.put("authorizedUsers", license.users());
        data.put("createdAt", license.createdAt().toString());
        data.put("version", 0);
        return TestEvents.event(LicenseEvents.CREATED, id).source("/delms/license-service").data(data);
    }

    /**
     * Announces a change of a license as license-service's updated event: the changed field, the
     * license's version after it and the license as it is then ({@code state}).
     */
    public void updated(String id, long version, License state, String field, Object oldValue, Object newValue) {
        kafka.send(LicenseEvents.TOPIC, id, updatedEvent(id, version, state, field, oldValue, newValue).toJson());
    }

    public static TestEvents updatedEvent(String id, long version, License state, String field, Object oldValue,
            Object newValue) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("licenseId", id);
        data.put("changes", List.of(Map.of("field", field, "oldValue", String.valueOf(oldValue), "newValue",
                String.valueOf(newValue))));
        data.put("actor", "someone");
        data.put("version", version);
        Map<String, Object> license = new LinkedHashMap<>();
        license.put("id", id);
        license.put("productType", state.productType());
        license.put("licenseType", "SUBSCRIPTION");
        license.put("status", "IN_USE");
        license.put("customerId", UUID.randomUUID().toString());
        license.put("salesRepId", state.salesRepId() == null ? null : state.salesRepId().toString());
        license.put("resellerId", state.resellerId() == null ? null : state.resellerId().toString());
        license.put("startDate", "2040-01-01");
        license.put("expiryDate", state.expiryDate() == null ? null : state.expiryDate().toString());
        license.put("authorizedWorkspaces", state.workspaces());
        license.put("authorizedUsers", state.users());
        data.put("license", license);
        return TestEvents.event(LicenseEvents.UPDATED, id).source("/delms/license-service").data(data);
    }

    /** {@code delms.license.snapshot.v1} as license-service publishes it: the license as it is now, at {@code version}. */
    public static TestEvents snapshotEvent(String id, long version, UUID customerId, License state) {
        Map<String, Object> license = new LinkedHashMap<>();
        license.put("id", id);
        license.put("productType", state.productType());
        license.put("licenseType", "SUBSCRIPTION");
        license.put("status", "IN_USE");
        license.put("customerId", customerId.toString());
        license.put("salesRepId", state.salesRepId() == null ? null : state.salesRepId().toString());
        license.put("resellerId", state.resellerId() == null ? null : state.resellerId().toString());
        license.put("startDate", "2040-01-01");
        license.put("expiryDate", state.expiryDate() == null ? null : state.expiryDate().toString());
        license.put("authorizedWorkspaces", state.workspaces());
        license.put("authorizedUsers", state.users());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("licenseId", id);
        data.put("version", version);
        data.put("license", license);
        data.put("createdAt", state.createdAt().toString());
        data.put("statusChangedAt", state.createdAt().toString());
        data.put("usage", null);
        return TestEvents.event(LicenseEvents.SNAPSHOT, id).source("/delms/license-service").data(data);
    }

    public static License license() {
        return new License("ENT", null, null, LocalDate.parse("2041-01-01"), 5, 50, Instant.parse("2040-01-01T10:00:00Z"));
    }

    /** The terms of a test license; {@code with*} change one. */
    public record License(String productType, UUID salesRepId, UUID resellerId, LocalDate expiryDate, int workspaces,
            int users, Instant createdAt) {

        public License withRep(UUID rep) {
            return new License(productType, rep, resellerId, expiryDate, workspaces, users, createdAt);
        }

        public License withReseller(UUID reseller) {
            return new License(productType, salesRepId, reseller, expiryDate, workspaces, users, createdAt);
        }

        public License withExpiry(LocalDate expiry) {
            return new License(productType, salesRepId, resellerId, expiry, workspaces, users, createdAt);
        }

        public License withLimits(int workspaces, int users) {
            return new License(productType, salesRepId, resellerId, expiryDate, workspaces, users, createdAt);
        }

        public License createdAt(Instant at) {
            return new License(productType, salesRepId, resellerId, expiryDate, workspaces, users, at);
        }
    }
}
