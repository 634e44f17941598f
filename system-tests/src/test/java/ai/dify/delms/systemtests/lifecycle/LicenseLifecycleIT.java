package ai.dify.delms.systemtests.lifecycle;

import ai.dify.delms.systemtests.support.CloudEvent;
import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import ai.dify.delms.systemtests.support.KafkaTopicReader;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.TestData;
import ai.dify.delms.systemtests.support.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A license's life across all five services, as the people of the roles table live it: an admin
 * sets up a reseller and a sales rep, sales creates the customer and the license, an engineer
 * deploys it and reports usage above its limits, an alert is raised for subscribers, and a renewal
 * is sold. Each step reaches the license through events within seconds and shows in its status,
 * timeline and change log.
 */
@SystemTest
@Order(50)
public class LicenseLifecycleIT {

    private static final Logger log = LoggerFactory.getLogger(LicenseLifecycleIT.class);
    /** How long an event may take to travel from one service to another. */
    private static final Duration EVENT_BOUND = Duration.ofSeconds(30);

    private static final Tokens tokens = Tokens.fromKeycloak();
    private final Gateway gateway = gateway();

    /** Where the scenario's requests go (the replicas suite spreads them over every gateway instance). */
    protected Gateway gateway() {
        return Gateway.local();
    }

    @Test
    public void fromResellerToRenewalEveryStepReachesTheLicense() {
        String suffix = TestData.uniqueSuffix();
        Instant start = Instant.now();
        try (KafkaTopicReader alertEvents = KafkaTopicReader.since("delms.alerts", start)) {

            // an admin sets up the channel: a reseller and a sales rep
            String resellerId = created(gateway.post("/api/v1/resellers", tokens.alice(), Map.of(
                    "code", "st-" + suffix, "name", "System Test Reseller " + suffix,
                    "contactEmail", "channel-" + suffix + "@example.com", "region", "EMEA", "tier", "GOLD")));
            String repId = created(gateway.post("/api/v1/sales-reps", tokens.alice(), Map.of(
                    "name", "Rep " + suffix, "email", "rep-" + suffix + "@example.com", "region", "EMEA", "active", true)));

            // sales creates the customer once customer-service knows the rep and reseller from their events
            Map<String, Object> customer = new LinkedHashMap<>(TestData.newCustomer());
            customer.put("salesRepId", repId);
            customer.put("resellerId", resellerId);
            String customerId = created(postOnceReferencesAreKnown("/api/v1/customers", tokens.bob(), customer));

            Map<String, Object> newLicense = new LinkedHashMap<>(TestData.newLicense(customerId));
            newLicense.put("salesRepId", repId);
            newLicense.put("resellerId", resellerId);
            newLicense.put("authorizedWorkspaces", 3);
            newLicense.put("authorizedUsers", 10);
            GatewayResponse license = postOnceReferencesAreKnown("/api/v1/licenses", tokens.bob(), newLicense);
            String licenseId = created(license);
            LocalDate expiry = LocalDate.parse(license.json().path("expiryDate").asString());
            assertThat(license.json().path("status").asString()).isEqualTo("CREATED");
            log.info("license {} created {} ms after the reseller", licenseId, Duration.between(start, Instant.now()).toMillis());

            // an engineer deploys it: license-service hears of the completed deployment
            String engineerName = "Erin Engineer " + suffix;
            String engineerId = created(gateway.post("/api/v1/engineers", tokens.alice(), Map.of(
                    "name", engineerName, "email", "engineer-" + suffix + "@example.com", "region", "EMEA",
                    "skills", List.of("kubernetes"))));
            String deploymentId = created(postOnceReferencesAreKnown("/api/v1/deployments", tokens.erin(), Map.of(
                    "licenseId", licenseId, "engineerId", engineerId, "scheduledDate", LocalDate.now().toString(),
                    "environment", "PRIVATE_CLOUD", "productVersion", "1.8.0")));
            assertThat(transition(deploymentId, "IN_PROGRESS").status()).isEqualTo(200);
            assertThat(transition(deploymentId, "COMPLETED").status()).isEqualTo(200);

            awaitLicense(licenseId, "status DEPLOYED", l -> "DEPLOYED".equals(l.path("status").asString()));
            assertThat(timeline(licenseId)).anySatisfy(entry -> {
                assertThat(entry.path("type").asString()).isEqualTo("DEPLOYMENT");
                assertThat(entry.toString()).contains(engineerName);
            });

            // usage above the authorized users: the license shows it and an alert is raised for subscribers
            GatewayResponse usage = gateway.post("/api/v1/licenses/" + licenseId + "/usage", tokens.erin(),
                    Map.of("workspaces", 2, "users", 25));
            assertThat(usage.status()).as("%s", usage).isIn(200, 201);
            JsonNode used = awaitLicense(licenseId, "overused and IN_USE",
                    l -> l.path("overused").asBoolean(false) && "IN_USE".equals(l.path("status").asString()));
            assertThat(used.path("usage").path("users").asInt()).isEqualTo(25);

            JsonNode alert = await("an OVERUSE_USERS alert for " + licenseId).atMost(EVENT_BOUND)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> firstAlert(licenseId, "OVERUSE_USERS"), a -> a != null);
            assertThat(alert.path("status").asString()).isEqualTo("OPEN");
            assertThat(alert.path("customerId").asString()).isEqualTo(customerId);
            CloudEvent raised = CloudEvent.of(alertEvents.awaitRecord("OVERUSE_USERS raised for " + licenseId,
                    r -> licenseId.equals(r.key()) && "delms.alert.raised.v1".equals(CloudEvent.of(r).type())
                            && "OVERUSE_USERS".equals(CloudEvent.of(r).data().path("type").asString()), EVENT_BOUND));
            assertThat(raised.data().path("id").asString()).isEqualTo(alert.path("id").asString());

            // sales records a renewal: the license gets the new expiry and is RENEWED, with the purchase in its history
            LocalDate newExpiry = expiry.plusYears(1);
            String purchaseId = created(postOnceReferencesAreKnown("/api/v1/purchases", tokens.bob(), Map.of(
                    "licenseId", licenseId, "type", "RENEWAL", "purchaseDate", LocalDate.now().toString(),
                    "amount", "12000.00", "currency", "EUR", "periodStart", expiry.toString(),
                    "periodEnd", newExpiry.toString(), "salesRepId", repId, "resellerId", resellerId)));

            awaitLicense(licenseId, "expiry " + newExpiry + " and RENEWED", l ->
                    newExpiry.toString().equals(l.path("expiryDate").asString()) && "RENEWED".equals(l.path("status").asString()));
            assertThat(timeline(licenseId)).anySatisfy(entry -> {
                assertThat(entry.path("type").asString()).isEqualTo("PURCHASE");
                assertThat(entry.toString()).contains(purchaseId);
            });
            assertThat(changes(licenseId)).anySatisfy(change -> {
                assertThat(change.path("field").asString()).isEqualTo("expiryDate");
                assertThat(change.path("oldValue").asString()).isEqualTo(expiry.toString());
                assertThat(change.path("newValue").asString()).isEqualTo(newExpiry.toString());
                assertThat(change.path("source").asString()).isEqualTo("EVENT");
            });
            log.info("license {} went from reseller to renewal in {} ms", licenseId, Duration.between(start, Instant.now()).toMillis());
        }
    }

    /** The id of a 201 response. */
    private static String created(GatewayResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        String id = response.json().path("id").asString();
        assertThat(id).as("id in %s", response).isNotBlank();
        return id;
    }

    /**
     * POSTs until the owning service knows the referenced records from their events: until then it
     * answers 422 for an unknown reference, and anything else ends the wait.
     */
    private GatewayResponse postOnceReferencesAreKnown(String path, String token, Map<String, Object> body) {
        AtomicReference<GatewayResponse> last = new AtomicReference<>();
        await("POST " + path + " accepted").atMost(EVENT_BOUND).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    last.set(gateway.post(path, token, body));
                    return last.get().status() != 422;
                });
        return last.get();
    }

    private GatewayResponse transition(String deploymentId, String to) {
        return gateway.post("/api/v1/deployments/" + deploymentId + "/transitions", tokens.erin(),
                Map.of("to", to, "note", "system test"));
    }

    private JsonNode awaitLicense(String licenseId, String what, Predicate<JsonNode> condition) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await("license " + licenseId + ": " + what).atMost(EVENT_BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    GatewayResponse response = gateway.get("/api/v1/licenses/" + licenseId, tokens.bob());
                    assertThat(response.status()).as("%s", response).isEqualTo(200);
                    last.set(response.json());
                    assertThat(condition.test(response.json())).as("%s in %s", what, response.body()).isTrue();
                });
        return last.get();
    }

    private List<JsonNode> timeline(String licenseId) {
        GatewayResponse response = gateway.get("/api/v1/licenses/" + licenseId + "/timeline", tokens.bob());
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode body = response.json();
        return list(body.isArray() ? body : body.path("content"));
    }

    private List<JsonNode> changes(String licenseId) {
        GatewayResponse response = gateway.get("/api/v1/licenses/" + licenseId + "/changes?size=200", tokens.bob());
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return list(response.json().path("content"));
    }

    private JsonNode firstAlert(String licenseId, String type) {
        GatewayResponse response = gateway.get("/api/v1/alerts?licenseId=" + licenseId + "&type=" + type, tokens.bob());
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<JsonNode> alerts = list(response.json().path("content"));
        return alerts.isEmpty() ? null : alerts.get(0);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
