package ai.dify.delms.systemtests.chaos;

import static ai.dify.delms.systemtests.chaos.KafkaStoppedDuringWritesIT.millisSince;
import static ai.dify.delms.systemtests.chaos.KafkaStoppedDuringWritesIT.tasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ai.dify.delms.systemtests.support.ServiceDatabase;
import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.KafkaTopics;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.SystemUnderTest;
import ai.dify.delms.systemtests.support.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * alert-service's license model rebuilt after every record the license topic held was deleted (as
 * a retention shorter than the system's age would): the rebuild still ends with every license
 * license-service has, as it is there, because it asks license-service for a snapshot of each.
 */
@SystemTest
@Order(60)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class RebuildAfterRecordsDeletedIT {

    private static final String TOPIC = "delms.licenses";
    private static final Duration BOUND = Duration.ofMinutes(5);

    private final Tokens tokens = Tokens.fromKeycloak();
    private final LicenseTraffic traffic = new LicenseTraffic(tokens);
    private final ReadModels models = new ReadModels();
    private final Gateway gateway = Gateway.local();

    @Test
    void theRebuiltAlertModelHasEveryLicenseAlthoughTheTopicLostItsRecords() {
        String customer = traffic.knownCustomer();
        List<String> fresh = LicenseTraffic.inParallel(tasks(10, i -> traffic.createLicense(customer)), 4);
        await("read models know the new licenses").atMost(BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> ReadModels.assertAgree(models.differences(fresh)));

        long deleted;
        try (KafkaTopics topics = KafkaTopics.local()) {
            deleted = topics.deleteEveryRecord(TOPIC);
        }
        long licenses = ServiceDatabase.of("license").count("select count(*) from license");

        long requestedAt = System.nanoTime();
        GatewayResponse rebuild = gateway.post("/api/v1/alerts/rebuild", tokens.alice(), Map.of());
        assertThat(rebuild.status()).as("%s", rebuild).isEqualTo(202);
        AtomicReference<JsonNode> status = new AtomicReference<>();
        await("the rebuild ends").atMost(BOUND).pollInterval(Duration.ofSeconds(1)).until(() -> {
            GatewayResponse response = gateway.get("/api/v1/alerts/rebuild", tokens.alice());
            status.set(response.json());
            return !"RUNNING".equals(response.json().path("state").asString());
        });
        assertThat(status.get().path("state").asString()).as("%s", status.get()).isEqualTo("COMPLETED");
        long rebuilt = millisSince(requestedAt);

        ServiceDatabase alert = ServiceDatabase.of("alert");
        assertThat(alert.count("select count(*) from license_model")).as("licenses in the rebuilt model")
                .isEqualTo(licenses);
        List<String> every = ServiceDatabase.of("license").rows("select id from license").stream()
                .map(row -> (String) row.get("id")).toList();
        ReadModels.assertAgree(models.differences(every).stream().filter(d -> d.startsWith("alert-service")).toList());
        ChaosFigures.record("alert model rebuilt after the license topic lost its records", Map.of(
                "records deleted", deleted, "licenses in license-service", licenses,
                "licenses in the rebuilt model", licenses, "rebuild took", rebuilt + " ms",
                "snapshot", status.get().path("licenseSnapshot").toString()));
    }
}
