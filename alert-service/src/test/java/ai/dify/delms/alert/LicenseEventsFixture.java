package ai.dify.delms.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;

import ai.dify.delms.alert.licenseview.LicenseEvents;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes license-service's events for one license as they would be at the test clock's time,
 * and waits until alert-service has handled each.
 */
public final class LicenseEventsFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestKafka kafka;
    private final JdbcTemplate jdbc;
    private final TestClock clock;

    public LicenseEventsFixture(TestKafka kafka, JdbcTemplate jdbc, TestClock clock) {
        this.kafka = kafka;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static String newLicenseId() {
        return "ENT-202601-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    public String created(String licenseId, String status, LocalDate expiryDate, int workspaces, int users) {
        return created(licenseId, status, expiryDate, workspaces, users, "acme");
    }

    /** A license sold through the given reseller (its id, as license-service publishes it). */
    public String created(String licenseId, String status, LocalDate expiryDate, int workspaces, int users,
            String resellerId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", licenseId);
        data.put("productType", "ENT");
        data.put("licenseType", "SUBSCRIPTION");
        data.put("status", status);
        data.put("customerId", UUID.randomUUID().toString());
        data.put("resellerId", resellerId);
        data.put("expiryDate", expiryDate == null ? null : expiryDate.toString());
        data.put("authorizedWorkspaces", workspaces);
        data.put("authorizedUsers", users);
        data.put("createdAt", clock.instant().toString());
        return send(LicenseEvents.CREATED, licenseId, data);
    }

    public String statusChanged(String licenseId, String from, String to) {
        return send(LicenseEvents.STATUS_CHANGED, licenseId,
                Map.of("licenseId", licenseId, "from", from, "to", to, "reason", "test", "actor", "alice"));
    }

    public String expiryChanged(String licenseId, LocalDate from, LocalDate to) {
        return send(LicenseEvents.UPDATED, licenseId, Map.of("licenseId", licenseId, "actor", "bob", "version", 2,
                "changes", List.of(Map.of("field", "expiryDate", "oldValue", from.toString(), "newValue", to.toString()))));
    }

    /** A usage report made now, with limits 1000/1000 unless the license's are given. */
    public String usage(String licenseId, int workspaces, int users) {
        return usage(licenseId, workspaces, users, 1000, 1000);
    }

    public String usage(String licenseId, int workspaces, int users, int authorizedWorkspaces, int authorizedUsers) {
        return send(LicenseEvents.USAGE_REPORTED, licenseId, Map.of("licenseId", licenseId, "workspaces", workspaces,
                "users", users, "reportedAt", clock.instant().toString(), "authorizedWorkspaces", authorizedWorkspaces,
                "authorizedUsers", authorizedUsers));
    }

    /** The license as license-service's events now carry it after each change (as far as alerts care). */
    public record State(String status, LocalDate expiryDate, int workspaces, int users, String resellerId) {

        /** Sold through the reseller "acme". */
        public State(String status, LocalDate expiryDate, int workspaces, int users) {
            this(status, expiryDate, workspaces, users, "acme");
        }

        Map<String, Object> toMap(String licenseId) {
            Map<String, Object> license = new LinkedHashMap<>();
            license.put("id", licenseId);
            license.put("productType", "ENT");
            license.put("licenseType", "SUBSCRIPTION");
            license.put("status", status);
            license.put("customerId", CUSTOMER.toString());
            license.put("resellerId", resellerId);
            license.put("expiryDate", expiryDate == null ? null : expiryDate.toString());
            license.put("authorizedWorkspaces", workspaces);
            license.put("authorizedUsers", users);
            return license;
        }
    }

    private static final UUID CUSTOMER = UUID.randomUUID();

    /** {@code delms.license.created.v1} as license-service publishes it now: with version 0. */
    public String created(String licenseId, State state) {
        Map<String, Object> data = state.toMap(licenseId);
        data.put("createdAt", clock.instant().toString());
        data.put("version", 0);
        return send(LicenseEvents.CREATED, licenseId, data);
    }

    /** {@code delms.license.updated.v1} with the license's version and state after the change. */
    public String updated(String licenseId, long version, State state) {
        return send(LicenseEvents.UPDATED, licenseId, Map.of("licenseId", licenseId, "actor", "bob",
                "changes", List.of(), "version", version, "license", state.toMap(licenseId)));
    }

    /** {@code delms.license.status-changed.v1} with the license's version and state after the change. */
    public String statusChanged(String licenseId, String from, long version, State state) {
        return send(LicenseEvents.STATUS_CHANGED, licenseId, Map.of("licenseId", licenseId, "from", from,
                "to", state.status(), "reason", "test", "actor", "alice", "version", version,
                "license", state.toMap(licenseId)));
    }

    /** A usage report made at {@code reportedAt}, judged against the license at {@code version}. */
    public String usage(String licenseId, int workspaces, int users, Instant reportedAt, long version, State state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("licenseId", licenseId);
        data.put("workspaces", workspaces);
        data.put("users", users);
        data.put("reportedAt", reportedAt.toString());
        data.put("authorizedWorkspaces", state.workspaces());
        data.put("authorizedUsers", state.users());
        data.put("overused", workspaces > state.workspaces() || users > state.users());
        data.put("latest", true);
        data.put("status", state.status());
        data.put("version", version);
        data.put("license", state.toMap(licenseId));
        return send(LicenseEvents.USAGE_REPORTED, licenseId, data);
    }

    /** Sends an event again, as a redelivery would. */
    public void resend(String licenseId, String eventJson) {
        kafka.send(LicenseEvents.TOPIC, licenseId, eventJson);
        awaitHandled(JSON.readTree(eventJson).get("id").asString());
    }

    /** The JSON of the last event sent. */
    public String lastEventJson() {
        return lastJson;
    }

    private String lastJson;

    private String send(String type, String licenseId, Object data) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", id);
        envelope.put("source", "/delms/license-service");
        envelope.put("type", type);
        envelope.put("subject", licenseId);
        envelope.put("time", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", data);
        lastJson = JSON.writeValueAsString(envelope);
        kafka.send(LicenseEvents.TOPIC, licenseId, lastJson);
        awaitHandled(id);
        return id;
    }

    private void awaitHandled(String eventId) {
        Awaitility.await("event " + eventId + " handled").atMost(TestKafka.DEFAULT_TIMEOUT).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id = ? and consumer = 'alert-service'", Long.class,
                eventId) > 0);
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
