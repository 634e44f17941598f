package ai.dify.delms.deployment;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds what deployment tests need through the real API and the real license topic: engineers,
 * licenses known to the read model, scheduled and moved deployments.
 */
public final class DeploymentTestData {

    public static final String ENGINEERS = "/api/v1/engineers";
    public static final String DEPLOYMENTS = "/api/v1/deployments";
    private static final AtomicInteger LICENSE_NUMBERS = new AtomicInteger((int) (System.nanoTime() % 500_000));

    private final MockMvc mvc;
    private final TestTokens tokens;
    private final TestKafka kafka;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public DeploymentTestData(MockMvc mvc, TestTokens tokens, TestKafka kafka, JdbcTemplate jdbc, JsonMapper json) {
        this.mvc = mvc;
        this.tokens = tokens;
        this.kafka = kafka;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new active engineer; returns its id. */
    public String engineer(String name) throws Exception {
        String body = json.writeValueAsString(Map.of("name", name,
                "email", name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@example.com",
                "region", "EMEA", "skills", new String[] {"kubernetes"}));
        String created = mvc.perform(post(ENGINEERS).header("Authorization", bearer(tokens.adminToken()))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asString();
    }

    /** A license created at {@code createdAt}, as license-service announces it; returns once the read model knows it. */
    public String license(Instant createdAt) {
        String licenseId = "ENT-202503-" + String.format("%06d", LICENSE_NUMBERS.incrementAndGet() % 1_000_000);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", licenseId);
        data.put("productType", "ENT");
        data.put("licenseType", "SUBSCRIPTION");
        data.put("status", "CREATED");
        data.put("customerId", UUID.randomUUID().toString());
        data.put("orderDate", createdAt.toString().substring(0, 10));
        data.put("createdAt", createdAt.toString());
        kafka.send("delms.licenses", licenseId, TestEvents.event("delms.license.created.v1", licenseId)
                .source("/delms/license-service").data(data).toJson());
        awaitLicense(licenseId, "CREATED");
        return licenseId;
    }

    public String license() {
        return license(Instant.parse("2025-03-04T10:15:30Z"));
    }

    /** license-service changed the license's status. */
    public void licenseStatus(String licenseId, String from, String to) {
        kafka.send("delms.licenses", licenseId, TestEvents.event("delms.license.status-changed.v1", licenseId)
                .source("/delms/license-service")
                .data(Map.of("licenseId", licenseId, "from", from, "to", to, "reason", "test", "actor", "alice"))
                .toJson());
        awaitLicense(licenseId, to);
    }

    private void awaitLicense(String licenseId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select status from license_view where license_id = ?", String.class, licenseId).contains(status));
    }

    /** The body of a schedule request. */
    public Map<String, Object> plan(String licenseId, String engineerId, LocalDate scheduledDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("licenseId", licenseId);
        body.put("engineerId", engineerId);
        body.put("scheduledDate", scheduledDate.toString());
        body.put("environment", "PRIVATE_CLOUD");
        body.put("productVersion", "7.2.1");
        body.put("notes", "first install");
        return body;
    }

    public ResultActions schedule(String token, Map<String, Object> body) throws Exception {
        return mvc.perform(post(DEPLOYMENTS).header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    /** A deployment scheduled by an admin; returns its id. */
    public String scheduled(String licenseId, String engineerId, LocalDate scheduledDate) throws Exception {
        String created = schedule(tokens.adminToken(), plan(licenseId, engineerId, scheduledDate))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asString();
    }

    public ResultActions move(String token, String deploymentId, String to, String note) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        if (note != null) {
            body.put(to.equals("FAILED") ? "reason" : "note", note);
        }
        return mvc.perform(post(DEPLOYMENTS + "/" + deploymentId + "/transitions")
                .header("Authorization", bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    /** Moves a deployment as an engineer, expecting success. */
    public void moved(String deploymentId, String to, String note) throws Exception {
        move(tokens.engineerToken(), deploymentId, to, note).andExpect(status().isOk());
    }
}
