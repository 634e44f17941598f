package ai.dify.delms.systemtests.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ai.dify.delms.systemtests.support.ServiceDatabase;
import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.Json;
import ai.dify.delms.systemtests.support.Launcher;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.SystemUnderTest;
import ai.dify.delms.systemtests.support.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Poison on every consumed topic: an unreadable record, keyed like the license (or customer) that
 * real changes follow it for, goes to the topic's dead-letter topic at once, and the changes behind
 * it on the same partition are applied — nothing waits for it. Each dead letter is listed for an
 * operator. Then a record that fails for a cause that can be fixed — a renewal of a license
 * license-service does not have yet — is dead-lettered, the license is created, and the operator's
 * replay ({@code ./delms events dlt replay}) applies the renewal exactly once.
 */
@SystemTest
@Order(50)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PoisonRecordIT {

    private static final Duration BOUND = Duration.ofMinutes(2);
    private static final String POISON = "{ this is not an event";

    private final Tokens tokens = Tokens.fromKeycloak();
    private final LicenseTraffic traffic = new LicenseTraffic(tokens);
    private final ReadModels models = new ReadModels();
    private final Gateway gateway = Gateway.local();
    private final Launcher launcher = Launcher.local();
    private final ServiceDatabase license = ServiceDatabase.of("license");

    @Test
    void poisonIsDeadLetteredWithoutBlockingAndAFixedCauseReplaysOnce() {
        String customer = traffic.knownCustomer();
        String licenseId = traffic.createLicense(customer);
        await("read models know the license").atMost(BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> ReadModels.assertAgree(models.differences(List.of(licenseId))));
        LocalDate expiry = LocalDate.parse((String) models.owner(List.of(licenseId)).get(licenseId).get("expiry_date"));

        long sentAt = System.nanoTime();
        send("delms.licenses", licenseId, POISON);
        send("delms.sales", licenseId, POISON);
        send("delms.customers", customer, POISON);
        send("delms.deployments", licenseId, POISON);

        // the changes behind the poison, on the same partitions, are applied
        traffic.setAuthorizedUsers(licenseId, 77);
        traffic.renew(licenseId, expiry, expiry.plusYears(1));
        String newName = "Renamed " + UUID.randomUUID().toString().substring(0, 8);
        GatewayResponse renamed = gateway.send("PATCH", "/api/v1/customers/" + customer, tokens.bob(),
                LicenseTraffic.MERGE_PATCH, Json.write(Map.of("name", newName)));
        assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
        String deploymentId = deploy(licenseId);
        await("every change behind the poison applied").atMost(BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    ReadModels.assertAgree(models.differences(List.of(licenseId)));
                    Map<String, Object> owned = models.owner(List.of(licenseId)).get(licenseId);
                    assertThat(owned.get("authorized_users")).isEqualTo("77");
                    assertThat(owned.get("expiry_date")).isEqualTo(expiry.plusYears(1).toString());
                    assertThat(license.count("select count(*) from known_customer where id = ? and name = ?", customer,
                            newName)).as("license-service knows the new name").isEqualTo(1);
                    assertThat(license.count("select count(*) from license_timeline where license_id = ? "
                            + "and kind = 'DEPLOYMENT' and details like ?", licenseId, "%" + deploymentId + "%"))
                            .as("license-service heard of the deployment").isPositive();
                });
        long unblocked = KafkaStoppedDuringWritesIT.millisSince(sentAt);

        // each poison record is listed, with its key, as poison
        for (Map.Entry<String, String> poisoned : Map.of("delms.licenses", licenseId, "delms.sales", licenseId,
                "delms.customers", customer, "delms.deployments", licenseId).entrySet()) {
            await("poison on " + poisoned.getKey() + " listed").atMost(BOUND).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(deadLetters(poisoned.getKey()))
                            .anySatisfy(letter -> {
                                assertThat(letter.path("key").asString()).isEqualTo(poisoned.getValue());
                                assertThat(letter.path("failure").asString()).isEqualTo("poison");
                            }));
            launcher.deadLetters("list", poisoned.getKey());
        }

        // a renewal of a license license-service does not have yet: dead-lettered, then replayed once it exists
        String nextId = nextLicenseId();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String purchaseEventId = UUID.randomUUID().toString();
        send("delms.sales", nextId, renewalEvent(purchaseEventId, nextId, today.plusYears(1), today.plusYears(3)));
        await("the early renewal dead-lettered").atMost(BOUND).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(deadLetters("delms.sales"))
                        .anySatisfy(letter -> assertThat(letter.path("eventId").asString()).isEqualTo(purchaseEventId)));
        String created = traffic.createLicense(customer);
        assertThat(created).as("the license the renewal was for").isEqualTo(nextId);

        long replayedAt = System.nanoTime();
        launcher.deadLetters("replay", "delms.sales");
        await("the replayed renewal applied").atMost(BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(models.owner(List.of(nextId)).get(nextId).get("expiry_date"))
                        .isEqualTo(today.plusYears(3).toString()));
        long applied = KafkaStoppedDuringWritesIT.millisSince(replayedAt);
        launcher.deadLetters("replay", "delms.sales"); // nothing left to replay: no second effect
        await("a second replay changes nothing").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20))
                .until(() -> license.count("select count(*) from license_change where license_id = ? "
                        + "and field = 'expiryDate'", nextId) == 1);
        ChaosFigures.record("poison records on every consumed topic", Map.of("topics", 4,
                "changes behind the poison applied after", unblocked + " ms",
                "early renewal applied after the replay", applied + " ms", "expiry changes by the renewal", 1));
    }

    /** Schedules, starts and completes a deployment of the license; returns its id. */
    private String deploy(String licenseId) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        GatewayResponse engineer = gateway.post("/api/v1/engineers", tokens.alice(), Map.of("name", "Chaos " + suffix,
                "email", "chaos-" + suffix + "@example.com", "region", "EMEA", "skills", List.of("kubernetes")));
        assertThat(engineer.status()).as("%s", engineer).isEqualTo(201);
        GatewayResponse deployment = gateway.post("/api/v1/deployments", tokens.erin(), Map.of("licenseId", licenseId,
                "engineerId", engineer.json().path("id").asString(), "scheduledDate", LocalDate.now().toString(),
                "environment", "PRIVATE_CLOUD", "productVersion", "1.8.0"));
        assertThat(deployment.status()).as("%s", deployment).isEqualTo(201);
        String id = deployment.json().path("id").asString();
        for (String to : List.of("IN_PROGRESS", "COMPLETED")) {
            GatewayResponse moved = gateway.post("/api/v1/deployments/" + id + "/transitions", tokens.erin(),
                    Map.of("to", to, "note", "fault suite"));
            assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        }
        return id;
    }

    /** The License ID license-service gives next (the fault suite is the only writer meanwhile). */
    private String nextLicenseId() {
        String period = DateTimeFormatter.ofPattern("yyyyMM").format(LocalDate.now(ZoneOffset.UTC));
        List<Map<String, Object>> rows = license.rows(
                "select last_number from license_id_sequence where product_type = 'ENT' and period = ?", period);
        long next = rows.isEmpty() ? 1 : Long.parseLong((String) rows.get(0).get("last_number")) + 1;
        return "ENT-" + period + "-" + String.format("%06d", next);
    }

    /** A renewal as sales-service publishes it (docs/asyncapi.yaml, delms.purchase.recorded.v1). */
    private static String renewalEvent(String eventId, String licenseId, LocalDate periodStart, LocalDate periodEnd) {
        String purchaseId = UUID.randomUUID().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", purchaseId);
        data.put("licenseId", licenseId);
        data.put("type", "RENEWAL");
        data.put("purchaseDate", LocalDate.now(ZoneOffset.UTC).toString());
        data.put("amount", 12000.00);
        data.put("currency", "EUR");
        data.put("periodStart", periodStart.toString());
        data.put("periodEnd", periodEnd.toString());
        data.put("recordedBy", "bob");
        data.put("version", 0);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", eventId);
        envelope.put("source", "/delms/sales-service");
        envelope.put("type", "delms.purchase.recorded.v1");
        envelope.put("subject", purchaseId);
        envelope.put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", data);
        return Json.write(envelope);
    }

    /** The dead letters of a topic not replayed yet, as a service's actuator lists them to an admin. */
    private List<JsonNode> deadLetters(String topic) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(SystemUnderTest.service("license-service") + "/actuator/deadletters/" + topic))
                .header("Authorization", "Bearer " + tokens.alice()).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode letters = Json.parse(response.body()).path("deadLetters");
        return java.util.stream.StreamSupport.stream(letters.spliterator(), false).toList();
    }

    private static void send(String topic, String key, String value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SystemUnderTest.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }
}
