package ai.dify.delms.license.usage;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.license.license.LicenseTestClient;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class UsageReportIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KnownCustomers knownCustomers;

    private LicenseTestClient api;
    private String customerId;

    @BeforeEach
    void setUp() {
        api = new LicenseTestClient(mvc);
        customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
    }

    @Test
    void engineerReportsUsageWhichTheLicenseShowsAndPutsItInUse() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId));

        api.reportUsage(tokens.tokenFor("erin", "engineer"), id, Map.of("workspaces", 3, "users", 50))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.workspaces").value(3))
                .andExpect(jsonPath("$.reportedBy").value("erin"))
                .andExpect(jsonPath("$.latest").value(true))
                .andExpect(jsonPath("$.overused").value(false))
                .andExpect(jsonPath("$.licenseStatus").value("IN_USE"));

        JsonNode license = api.readBody(tokens.salesToken(), id);
        assertThat(license.get("status").asString()).isEqualTo("IN_USE");
        assertThat(license.get("usage").get("workspaces").asInt()).isEqualTo(3);
        assertThat(license.get("usage").get("users").asInt()).isEqualTo(50);
        assertThat(license.get("usage").get("reportedAt").asString()).isNotBlank();
        assertThat(license.get("overused").asBoolean()).isFalse();
        assertThat(license.get("version").asLong()).as("the status changed").isEqualTo(1);

        api.changes(tokens.adminToken(), id).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.field == 'status')].newValue", hasItem("IN_USE")))
                .andExpect(jsonPath("$.content[?(@.field == 'usage')].actor", hasItem("erin")));
        api.timeline(tokens.adminToken(), id).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].type", hasItem("FIRST_USE")));

        ConsumerRecord<String, String> record = kafka.awaitRecord("delms.licenses",
                r -> id.equals(r.key()) && r.value().contains("delms.license.usage-reported.v1"));
        JsonNode data = json.readTree(record.value()).get("data");
        assertThat(data.get("licenseId").asString()).isEqualTo(id);
        assertThat(data.get("workspaces").asInt()).isEqualTo(3);
        assertThat(data.get("users").asInt()).isEqualTo(50);
        assertThat(data.get("authorizedWorkspaces").asInt()).isEqualTo(10);
        assertThat(data.get("authorizedUsers").asInt()).isEqualTo(200);
        assertThat(data.get("reportedAt").asString()).isNotBlank();
    }

    @Test
    void usageAboveALimitMakesTheLicenseOverusedUntilItIsBackWithin() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId));
        Instant earlier = Instant.now().minus(2, ChronoUnit.HOURS);

        api.reportUsage(tokens.adminToken(), id, Map.of("workspaces", 11, "users", 20, "reportedAt", earlier.toString()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.overused").value(true));
        assertThat(api.readBody(tokens.adminToken(), id).get("overused").asBoolean()).isTrue();
        api.list(tokens.adminToken(), "overused=true&customerId=" + customerId).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", hasItem(id)));

        api.reportUsage(tokens.adminToken(), id, Map.of("workspaces", 10, "users", 200)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.overused").value(false));
        assertThat(api.readBody(tokens.adminToken(), id).get("overused").asBoolean()).isFalse();
        api.list(tokens.adminToken(), "overused=true&customerId=" + customerId)
                .andExpect(jsonPath("$.content[*].id", not(hasItem(id))));
        api.timeline(tokens.adminToken(), id)
                .andExpect(jsonPath("$[*].type", hasItem("OVERUSE_STARTED")))
                .andExpect(jsonPath("$[*].type", hasItem("OVERUSE_ENDED")));
    }

    @Test
    void aLateOlderReportGoesToTheHistoryButDoesNotReplaceTheLatest() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        api.reportUsage(tokens.adminToken(), id, Map.of("workspaces", 5, "users", 60, "reportedAt", now.toString()))
                .andExpect(status().isCreated());
        api.reportUsage(tokens.adminToken(), id,
                        Map.of("workspaces", 50, "users", 600, "reportedAt", now.minus(1, ChronoUnit.DAYS).toString()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.latest").value(false))
                .andExpect(jsonPath("$.overused").value(false));

        JsonNode license = api.readBody(tokens.adminToken(), id);
        assertThat(license.get("usage").get("workspaces").asInt()).isEqualTo(5);
        assertThat(license.get("overused").asBoolean()).isFalse();

        api.usage(tokens.salesToken(), id, "size=1").andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.page.totalPages").value(2))
                .andExpect(jsonPath("$.content[0].workspaces").value(5));
        api.usage(tokens.salesToken(), id, "sort=reportedAt,asc").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].workspaces").value(50));
    }

    @Test
    void badUsageReportsAre400NamingTheFieldAndWriteNothing() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId));
        String admin = tokens.adminToken();
        expectBadField(api.reportUsage(admin, id, Map.of("workspaces", -1, "users", 5)), "workspaces");
        expectBadField(api.reportUsage(admin, id, Map.of("workspaces", 1, "users", -5)), "users");
        expectBadField(api.reportUsage(admin, id, Map.of("workspaces", 1)), "users");
        expectBadField(api.reportUsage(admin, id, Map.of("workspaces", "many", "users", 5)), "workspaces");
        expectBadField(api.reportUsage(admin, id, Map.of("workspaces", 1, "users", 5,
                "reportedAt", Instant.now().plus(1, ChronoUnit.HOURS).toString())), "reportedAt");
        expectBadField(api.reportUsage(admin, id, Map.of("workspaces", 1, "users", 5, "reportedAt", "yesterday")),
                "reportedAt");

        assertThat(jdbc.queryForObject("select count(*) from usage_report where license_id = ?", Integer.class, id))
                .isZero();
        JsonNode license = api.readBody(admin, id);
        assertThat(license.get("status").asString()).isEqualTo("CREATED");
        assertThat(license.get("usage") == null || license.get("usage").isNull()).isTrue();
    }

    @Test
    void onlyAdminsAndEngineersReportUsageAndStaffReadIt() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId));
        Map<String, Integer> report = Map.of("workspaces", 1, "users", 1);
        api.reportUsage(tokens.salesToken(), id, report).andExpect(status().isForbidden());
        api.reportUsage(tokens.partnerToken("acme"), id, report).andExpect(status().isForbidden());
        api.reportUsage(tokens.engineerToken(), "ENT-202001-999999", report).andExpect(status().isNotFound());
        api.usage(tokens.partnerToken("acme"), id).andExpect(status().isForbidden());
        api.usage(tokens.engineerToken(), "ENT-202001-999999").andExpect(status().isNotFound());
        api.usage(tokens.engineerToken(), id).andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    private static void expectBadField(org.springframework.test.web.servlet.ResultActions result, String field)
            throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
    }
}
