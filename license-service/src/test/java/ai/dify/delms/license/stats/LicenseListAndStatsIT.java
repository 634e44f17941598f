package ai.dify.delms.license.stats;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.license.license.LicenseTestClient;
import ai.dify.delms.license.license.SalesDirectoryFixture;
import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;

@DelmsServiceTest
class LicenseListAndStatsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    KnownCustomers knownCustomers;
    @Autowired
    SalesDirectory directory;

    private LicenseTestClient api;
    private String customerId;

    @BeforeEach
    void setUp() {
        api = new LicenseTestClient(mvc);
        customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
    }

    private String inDays(int days) {
        return LocalDate.now().plusDays(days).toString();
    }

    @Test
    void listFiltersCombineAndSortOnlyByWhitelistedFields() throws Exception {
        SalesDirectoryFixture sales = new SalesDirectoryFixture(kafka, directory);
        String salesRep = sales.knownSalesRep().toString();
        String reseller = sales.knownReseller().toString();
        String soon = api.create(tokens.adminToken(), aLicenseFor(customerId).with("expiryDate", inDays(20))
                .with("salesRepId", salesRep).with("notes", "Frobnicator rollout"));
        String later = api.create(tokens.adminToken(), aLicenseFor(customerId).with("productType", "PRO")
                .with("licenseType", "TRIAL").with("expiryDate", inDays(80)).with("resellerId", reseller));
        String perpetual = api.create(tokens.adminToken(), aLicenseFor(customerId).with("licenseType", "PERPETUAL")
                .without("expiryDate"));
        String c = "customerId=" + customerId;

        api.list(tokens.salesToken(), c + "&sort=expiryDate,asc").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", contains(perpetual, soon, later)));
        api.list(tokens.salesToken(), c + "&expiringWithinDays=30").andExpect(jsonPath("$.content[*].id", contains(soon)));
        api.list(tokens.salesToken(), c + "&expiringWithinDays=90&sort=expiryDate,desc")
                .andExpect(jsonPath("$.content[*].id", contains(later, soon)));
        api.list(tokens.salesToken(), c + "&productType=PRO").andExpect(jsonPath("$.content[*].id", contains(later)));
        api.list(tokens.salesToken(), c + "&licenseType=PERPETUAL").andExpect(jsonPath("$.content[*].id", contains(perpetual)));
        api.list(tokens.salesToken(), "salesRepId=" + salesRep).andExpect(jsonPath("$.content[*].id", contains(soon)));
        api.list(tokens.salesToken(), "resellerId=" + reseller).andExpect(jsonPath("$.content[*].id", contains(later)));
        api.list(tokens.salesToken(), c + "&status=CREATED")
                .andExpect(jsonPath("$.content[*].id", containsInAnyOrder(soon, later, perpetual)));
        // A repeated status means any of them (the dashboard's active and inactive figures link so).
        api.list(tokens.salesToken(), c + "&status=IN_USE&status=CREATED")
                .andExpect(jsonPath("$.content[*].id", containsInAnyOrder(soon, later, perpetual)));
        api.list(tokens.salesToken(), c + "&status=EXPIRED&status=TERMINATED")
                .andExpect(jsonPath("$.page.totalElements").value(0));
        api.list(tokens.salesToken(), "q=frobNICATOR").andExpect(jsonPath("$.content[*].id", contains(soon)));
        api.list(tokens.salesToken(), "q=" + later.toLowerCase()).andExpect(jsonPath("$.content[*].id", contains(later)));

        api.list(tokens.salesToken(), "sort=notes,asc").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        api.list(tokens.salesToken(), "expiringWithinDays=-1").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiringWithinDays"));
        api.list(tokens.salesToken(), "overused=perhaps").andExpect(status().isBadRequest());
        api.list(tokens.salesToken(), "size=201").andExpect(status().isBadRequest());
    }

    @Test
    void qFindsLicensesByTheCustomersName() throws Exception {
        UUID named = UUID.randomUUID();
        kafka.send("delms.customers", named.toString(), CustomerEventsFixture
                .customerEvent("delms.customer.created.v1", named, "Zyxwvut Shipping " + named).toJson());
        Awaitility.await().until(() -> knownCustomers.isActive(named));
        String id = api.create(tokens.adminToken(), aLicenseFor(named.toString()));

        api.list(tokens.engineerToken(), "q=ZYXWVUT").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", hasItem(id)));
    }

    @Test
    void dashboardCountsAKnownDataSet() throws Exception {
        JsonNode before = stats();
        String a = api.create(tokens.adminToken(), aLicenseFor(customerId).with("expiryDate", inDays(20)));
        api.create(tokens.adminToken(), aLicenseFor(customerId).with("expiryDate", inDays(45))
                .with("authorizedWorkspaces", 5).with("authorizedUsers", 50));
        api.create(tokens.adminToken(), aLicenseFor(customerId).with("productType", "PRO").with("expiryDate", inDays(75)));
        String suspended = api.create(tokens.adminToken(), aLicenseFor(customerId).with("productType", "PRO")
                .with("expiryDate", inDays(10)));
        api.create(tokens.adminToken(), aLicenseFor(customerId).with("licenseType", "PERPETUAL").without("expiryDate"));
        api.transition(tokens.adminToken(), suspended, "SUSPENDED", "audit").andExpect(status().isOk());
        api.reportUsage(tokens.engineerToken(), a, Map.of("workspaces", 12, "users", 30)).andExpect(status().isCreated());
        api.reportUsage(tokens.engineerToken(), suspended, Map.of("workspaces", 99, "users", 999))
                .andExpect(status().isCreated());

        JsonNode after = stats();
        assertThat(delta(before, after, "total")).isEqualTo(5);
        assertThat(delta(before, after, "active")).isEqualTo(4);
        assertThat(delta(before, after, "inactive")).isEqualTo(1);
        assertThat(delta(before, after, "byStatus", "CREATED")).isEqualTo(3);
        assertThat(delta(before, after, "byStatus", "IN_USE")).isEqualTo(1);
        assertThat(delta(before, after, "byStatus", "SUSPENDED")).isEqualTo(1);
        assertThat(delta(before, after, "byStatus", "EXPIRED")).isZero();
        assertThat(delta(before, after, "byProductType", "ENT")).isEqualTo(3);
        assertThat(delta(before, after, "byProductType", "PRO")).isEqualTo(2);
        assertThat(delta(before, after, "expiring", "within30Days")).isEqualTo(1);
        assertThat(delta(before, after, "expiring", "within60Days")).isEqualTo(2);
        assertThat(delta(before, after, "expiring", "within90Days")).isEqualTo(3);
        assertThat(delta(before, after, "overused")).as("the suspended one is inactive").isEqualTo(1);
        assertThat(delta(before, after, "usage", "workspaces")).isEqualTo(12);
        assertThat(delta(before, after, "usage", "users")).isEqualTo(30);
        assertThat(delta(before, after, "usage", "authorizedWorkspaces")).isEqualTo(10 + 5 + 10 + 10);
        assertThat(delta(before, after, "usage", "licensesReporting")).isEqualTo(1);
        assertThat(after.get("asOf").asString()).isEqualTo(LocalDate.now().toString());

        mvc.perform(get("/api/v1/stats/licenses").header("Authorization", bearer(tokens.partnerToken("acme"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/stats/licenses")).andExpect(status().isUnauthorized());
    }

    private JsonNode stats() throws Exception {
        return api.body(mvc.perform(get("/api/v1/stats/licenses").header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isOk()));
    }

    private static long delta(JsonNode before, JsonNode after, String... path) {
        return value(after, path) - value(before, path);
    }

    private static long value(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            current = current.get(step);
            if (current == null) {
                return 0;
            }
        }
        return current.asLong();
    }
}
