package ai.dify.delms.license.inbound;

import static ai.dify.delms.license.inbound.SalesAndDeploymentEventsFixture.deploymentCompleted;
import static ai.dify.delms.license.inbound.SalesAndDeploymentEventsFixture.purchase;
import static ai.dify.delms.license.inbound.SalesAndDeploymentEventsFixture.purchaseRecorded;
import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.license.license.LicenseTestClient;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class PurchaseAndDeploymentEventsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    KnownCustomers knownCustomers;
    @Autowired
    MeterRegistry meters;

    private LicenseTestClient api;
    private String customerId;

    @BeforeEach
    void setUp() {
        api = new LicenseTestClient(mvc);
        customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
    }

    @Test
    void renewalPurchaseExtendsExpiryAndIsLoggedAndInTheTimeline() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId));
        LocalDate newExpiry = LocalDate.now().plusYears(2);
        Map<String, Object> renewal = purchase(id, "RENEWAL");
        renewal.put("periodStart", LocalDate.now().plusYears(1).toString());
        renewal.put("periodEnd", newExpiry.toString());

        sendSales(id, purchaseRecorded(renewal));

        JsonNode license = awaitLicense(id, l -> l.get("expiryDate").asString().equals(newExpiry.toString()));
        assertThat(license.get("status").asString()).isEqualTo("RENEWED");
        assertThat(license.get("id").asString()).isEqualTo(id);
        List<JsonNode> changes = changes(id);
        JsonNode expiryChange = changes.stream().filter(c -> c.get("field").asString().equals("expiryDate")).findFirst()
                .orElseThrow();
        assertThat(expiryChange.get("source").asString()).isEqualTo("EVENT");
        assertThat(expiryChange.get("actor").asString()).as("the person behind the purchase").isEqualTo("bob");
        assertThat(expiryChange.get("via").asString()).isEqualTo("purchase " + renewal.get("id") + " (sales-service)");
        assertThat(expiryChange.get("newValue").asString()).isEqualTo(newExpiry.toString());
        assertThat(expiryChange.get("reason").asString()).contains(renewal.get("id").toString()).contains("RENEWAL");
        assertThat(changes).anyMatch(c -> c.get("field").asString().equals("status")
                && c.get("newValue").asString().equals("RENEWED") && c.get("source").asString().equals("EVENT"));

        JsonNode purchaseEntry = timelineEntry(id, "PURCHASE");
        assertThat(purchaseEntry.get("details").get("purchaseId").asString()).isEqualTo(renewal.get("id"));
        assertThat(purchaseEntry.get("details").get("periodEnd").asString()).isEqualTo(newExpiry.toString());
        assertThat(purchaseEntry.get("actor").asString()).isEqualTo("bob");
        assertThat(timelineEntry(id, "STATUS_CHANGED").get("actor").asString()).isEqualTo("bob");
        assertThat(timelineTypes(id)).containsSubsequence("ORDERED", "CREATED", "PURCHASE", "EXPIRY");

        ConsumerRecord<String, String> updated = kafka.awaitRecord("delms.licenses",
                r -> id.equals(r.key()) && r.value().contains("delms.license.updated.v1"));
        assertThat(updated.value()).contains("expiryDate").contains(newExpiry.toString());
        JsonNode updatedEvent = json.readTree(updated.value());
        assertThat(updatedEvent.get("actorusername").asString()).as("bob is behind the license's change too").isEqualTo("bob");
        assertThat(updatedEvent.get("actorsubject").asString()).isEqualTo("f3a1-bob");
        assertThat(updatedEvent.get("data").get("actor").asString()).isEqualTo("bob");
        kafka.awaitRecord("delms.licenses", r -> id.equals(r.key())
                && r.value().contains("delms.license.status-changed.v1") && r.value().contains("RENEWED"));
    }

    @Test
    void twoRenewalsDeliveredInReverseOrderEndAtTheLaterExpiry() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId));
        LocalDate firstEnd = LocalDate.now().plusYears(2);
        LocalDate secondEnd = LocalDate.now().plusYears(3);
        Map<String, Object> first = purchase(id, "RENEWAL");
        first.put("periodEnd", firstEnd.toString());
        Map<String, Object> second = purchase(id, "RENEWAL");
        second.put("periodEnd", secondEnd.toString());

        // recorded first, then second; delivered the other way round (e.g. resubmitted after an outage)
        sendSales(id, purchaseRecorded(second));
        sendSales(id, purchaseRecorded(first));
        Awaitility.await("both renewals applied").atMost(Duration.ofSeconds(30))
                .until(() -> timelineCount(id, "PURCHASE") == 2);

        JsonNode license = api.readBody(tokens.adminToken(), id);
        assertThat(license.get("expiryDate").asString()).isEqualTo(secondEnd.toString());
        assertThat(license.get("status").asString()).isEqualTo("RENEWED");
        assertThat(changes(id).stream().filter(c -> c.get("field").asString().equals("expiryDate")))
                .singleElement().satisfies(c -> assertThat(c.get("newValue").asString()).isEqualTo(secondEnd.toString()));
    }

    @Test
    void theSameExpansionEventTwiceRaisesTheLimitsOnce() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId));
        Map<String, Object> expansion = purchase(id, "EXPANSION");
        expansion.put("workspacesAfter", 25);
        expansion.put("usersAfter", 500);
        TestEvents event = purchaseRecorded(expansion);
        sendSales(id, event);
        sendSales(id, event);
        // a later event of the same license (same partition): once it is applied, both copies were handled
        Map<String, Object> marker = purchase(id, "NEW");
        sendSales(id, purchaseRecorded(marker));
        Awaitility.await("marker purchase applied").atMost(Duration.ofSeconds(30))
                .until(() -> timelineCount(id, "PURCHASE") == 2);

        JsonNode license = api.readBody(tokens.adminToken(), id);
        assertThat(license.get("authorizedWorkspaces").asInt()).isEqualTo(25);
        assertThat(license.get("authorizedUsers").asInt()).isEqualTo(500);
        assertThat(license.get("status").asString()).as("an expansion is no renewal").isEqualTo("CREATED");
        assertThat(changes(id).stream().filter(c -> c.get("field").asString().equals("authorizedWorkspaces")))
                .hasSize(1);
    }

    @Test
    void upgradeChangesTheProductButNotTheLicenseId() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId).with("productType", "PRO"));
        Map<String, Object> upgrade = purchase(id, "UPGRADE");
        upgrade.put("productTypeAfter", "ENT");
        sendSales(id, purchaseRecorded(upgrade));

        JsonNode license = awaitLicense(id, l -> l.get("productType").asString().equals("ENT"));
        assertThat(license.get("id").asString()).isEqualTo(id).startsWith("PRO-");
        assertThat(license.get("status").asString()).isEqualTo("RENEWED");
        assertThat(changes(id)).anyMatch(c -> c.get("field").asString().equals("productType")
                && c.get("oldValue").asString().equals("PRO") && c.get("newValue").asString().equals("ENT"));
    }

    @Test
    void aPurchaseForAnUnknownLicenseIsDeadLetteredAndCounted() {
        double before = deadLettered("delms.sales");
        Map<String, Object> renewal = purchase("ENT-202001-999999", "RENEWAL");
        TestEvents event = purchaseRecorded(renewal);
        kafka.send("delms.sales", "ENT-202001-999999", event.toJson());

        kafka.awaitRecord("delms.sales.dlt", r -> r.value().contains(event.id()), Duration.ofSeconds(60));
        Awaitility.await("dead-letter metric").atMost(Duration.ofSeconds(30))
                .until(() -> deadLettered("delms.sales") > before);
    }

    @Test
    void completedDeploymentMovesACreatedLicenseToDeployedAndShowsTheEngineer() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId));
        TestEvents event = deploymentCompleted(id, "Dana Engineer");
        kafka.send("delms.deployments", id, event.toJson());

        awaitLicense(id, l -> l.get("status").asString().equals("DEPLOYED"));
        assertThat(changes(id)).anyMatch(c -> c.get("field").asString().equals("status")
                && c.get("newValue").asString().equals("DEPLOYED") && c.get("source").asString().equals("EVENT")
                && c.get("actor").asString().equals("deployment-service"));
        JsonNode deployment = timelineEntry(id, "DEPLOYMENT");
        assertThat(deployment.get("details").get("engineerName").asString()).isEqualTo("Dana Engineer");
        assertThat(deployment.get("summary").asString()).contains("Dana Engineer");
        assertThat(timelineTypes(id)).containsSubsequence("CREATED", "STATUS_CHANGED");
    }

    @Test
    void aDeploymentOfALicenseInUseOnlyShowsInTheTimeline() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId));
        api.reportUsage(tokens.adminToken(), id, Map.of("workspaces", 1, "users", 1));
        kafka.send("delms.deployments", id, deploymentCompleted(id, "Late Larry").toJson());

        Awaitility.await("deployment in timeline").atMost(Duration.ofSeconds(30))
                .until(() -> timelineCount(id, "DEPLOYMENT") == 1);
        assertThat(api.readBody(tokens.adminToken(), id).get("status").asString()).isEqualTo("IN_USE");
    }

    private void sendSales(String licenseId, TestEvents event) {
        kafka.send("delms.sales", licenseId, event.toJson());
    }

    private double deadLettered(String topic) {
        Counter counter = meters.find("delms.events.dead.lettered").tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    private JsonNode awaitLicense(String id, Predicate<JsonNode> condition) {
        return Awaitility.await("license " + id).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.readBody(tokens.adminToken(), id), condition::test);
    }

    private List<JsonNode> changes(String id) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        api.body(api.changes(tokens.adminToken(), id, "size=200")).get("content").forEach(entries::add);
        return entries;
    }

    private List<JsonNode> timeline(String id) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        api.body(api.timeline(tokens.adminToken(), id)).forEach(entries::add);
        return entries;
    }

    private List<String> timelineTypes(String id) throws Exception {
        return timeline(id).stream().map(e -> e.get("type").asString()).toList();
    }

    private long timelineCount(String id, String type) throws Exception {
        return timelineTypes(id).stream().filter(type::equals).count();
    }

    private JsonNode timelineEntry(String id, String type) throws Exception {
        return timeline(id).stream().filter(e -> e.get("type").asString().equals(type)).findFirst().orElseThrow();
    }
}
