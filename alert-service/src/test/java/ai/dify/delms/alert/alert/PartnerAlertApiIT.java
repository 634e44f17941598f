package ai.dify.delms.alert.alert;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ai.dify.delms.alert.LicenseEventsFixture;
import ai.dify.delms.alert.TestClock;
import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestResellers;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partners read their reseller's alerts, raised from license events as in production, and
 * nothing of another reseller's: not in lists, and an alert id of theirs is an unknown id.
 */
@DelmsServiceTest
@Import(TestClock.Config.class)
@TestPropertySource(properties = "delms.alerts.scan.enabled=false")
class PartnerAlertApiIT {

    private static final String PARTNER_ALERTS = "/api/partner/v1/alerts";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID ACME_ID = UUID.randomUUID();
    private static final UUID GLOBEX_ID = UUID.randomUUID();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    SalesDirectory directory;

    LicenseEventsFixture licenses;

    @BeforeEach
    void resellersAndFixture() {
        licenses = new LicenseEventsFixture(kafka, jdbc, clock);
        TestResellers.created(kafka, ACME_ID, "acme");
        TestResellers.created(kafka, GLOBEX_ID, "globex");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> directory.reseller(ACME_ID).isPresent()
                && directory.reseller(GLOBEX_ID).isPresent());
    }

    @Test
    void partnerSeesItsResellersAlertsOnlyAndAnotherResellersAlertIsAnUnknownId() throws Exception {
        clock.set(Instant.parse("2031-01-01T09:00:00Z"));
        String acmeExpiring = LicenseEventsFixture.newLicenseId();
        licenses.created(acmeExpiring, "IN_USE", LocalDate.parse("2031-03-01"), 10, 100, ACME_ID.toString());
        String acmeOverused = LicenseEventsFixture.newLicenseId();
        licenses.created(acmeOverused, "IN_USE", LocalDate.parse("2033-01-01"), 5, 50, ACME_ID.toString());
        licenses.usage(acmeOverused, 4, 51, 5, 50);
        String globexExpiring = LicenseEventsFixture.newLicenseId();
        licenses.created(globexExpiring, "IN_USE", LocalDate.parse("2031-03-01"), 10, 100, GLOBEX_ID.toString());
        String acme = bearer(tokens.partnerToken("acme"));
        String globex = bearer(tokens.partnerToken("globex"));

        JsonNode acmeList = json(mvc.perform(get(PARTNER_ALERTS).param("size", "100").header("Authorization", acme))
                .andExpect(status().isOk()));
        assertThat(resellerIds(acmeList)).isNotEmpty().containsOnly(ACME_ID.toString());
        assertThat(licenseIds(acmeList)).contains(acmeExpiring, acmeOverused).doesNotContain(globexExpiring);
        assertThat(acmeList.get("page").get("totalElements").asInt()).isEqualTo(acmeList.get("content").size());

        JsonNode critical = json(mvc.perform(get(PARTNER_ALERTS).param("severity", "CRITICAL")
                .param("status", "OPEN").header("Authorization", acme)));
        assertThat(licenseIds(critical)).containsOnly(acmeOverused);
        assertThat(critical.get("content").get(0).get("type").asString()).isEqualTo("OVERUSE_USERS");
        JsonNode byLicense = json(mvc.perform(get(PARTNER_ALERTS).param("licenseId", acmeExpiring)
                .param("type", "EXPIRING_60").header("Authorization", acme)));
        assertThat(licenseIds(byLicense)).containsExactly(acmeExpiring);
        mvc.perform(get(PARTNER_ALERTS).param("licenseId", globexExpiring).header("Authorization", acme))
                .andExpect(jsonPath("$.content").isEmpty())
                .andExpect(jsonPath("$.page.totalElements").value(0));

        String acmeAlertId = byLicense.get("content").get(0).get("id").asString();
        mvc.perform(get(PARTNER_ALERTS + "/" + acmeAlertId).header("Authorization", acme))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.licenseId").value(acmeExpiring))
                .andExpect(jsonPath("$.resellerId").value(ACME_ID.toString()))
                .andExpect(jsonPath("$.acknowledgedBy").doesNotExist());

        String globexAlertId = onlyAlertOf(globexExpiring);
        mvc.perform(get(PARTNER_ALERTS + "/" + globexAlertId).header("Authorization", globex))
                .andExpect(status().isOk());
        String foreign = mvc.perform(get(PARTNER_ALERTS + "/" + globexAlertId).header("Authorization", acme))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString();
        UUID unknownId = UUID.randomUUID();
        String unknown = mvc.perform(get(PARTNER_ALERTS + "/" + unknownId).header("Authorization", acme))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(foreign.replace(globexAlertId, "<id>")).as("another reseller's alert looks like an unknown one")
                .isEqualTo(unknown.replace(unknownId.toString(), "<id>"));

        JsonNode globexList = json(mvc.perform(get(PARTNER_ALERTS).param("size", "100").header("Authorization", globex)));
        assertThat(resellerIds(globexList)).containsOnly(GLOBEX_ID.toString());
        assertThat(licenseIds(globexList)).contains(globexExpiring).doesNotContain(acmeExpiring, acmeOverused);
    }

    /**
     * A license moved to another reseller takes its alerts along: the new reseller's partners see
     * them, the old one's no longer do. A late older event and a redelivered one change nothing.
     */
    @Test
    void alertsFollowTheirLicenseToItsNewResellerWhateverOrderTheEventsArriveIn() throws Exception {
        clock.set(Instant.parse("2031-01-01T09:00:00Z"));
        String license = LicenseEventsFixture.newLicenseId();
        LocalDate expiry = LocalDate.parse("2031-03-01");
        licenses.created(license, new LicenseEventsFixture.State("IN_USE", expiry, 10, 100, ACME_ID.toString()));
        String alertId = onlyAlertOf(license);
        String acme = bearer(tokens.partnerToken("acme"));
        String globex = bearer(tokens.partnerToken("globex"));
        mvc.perform(get(PARTNER_ALERTS + "/" + alertId).header("Authorization", acme)).andExpect(status().isOk());

        licenses.updated(license, 2, new LicenseEventsFixture.State("IN_USE", expiry, 10, 100, GLOBEX_ID.toString()));
        String move = licenses.lastEventJson();
        licenses.updated(license, 1, new LicenseEventsFixture.State("IN_USE", expiry, 10, 100, ACME_ID.toString()));
        licenses.resend(license, move);

        mvc.perform(get(PARTNER_ALERTS + "/" + alertId).header("Authorization", globex))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.licenseId").value(license))
                .andExpect(jsonPath("$.resellerId").value(GLOBEX_ID.toString()));
        assertThat(licenseIds(json(mvc.perform(get(PARTNER_ALERTS).param("licenseId", license)
                .header("Authorization", globex))))).containsExactly(license);
        mvc.perform(get(PARTNER_ALERTS + "/" + alertId).header("Authorization", acme))
                .andExpect(status().isNotFound());
        mvc.perform(get(PARTNER_ALERTS).param("licenseId", license).header("Authorization", acme))
                .andExpect(jsonPath("$.content").isEmpty())
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    /** Only what a partner sees may order its list: an order by acknowledgedBy would reveal the names. */
    @Test
    void partnerListSortsByVisibleFieldsOnly() throws Exception {
        String acme = bearer(tokens.partnerToken("acme"));
        for (String hidden : new String[] {"acknowledgedBy", "acknowledgedBy,desc", "resellerId", "details",
                "version", "raisedAt,desc&sort=acknowledgedBy"}) {
            mvc.perform(get(PARTNER_ALERTS + "?sort=" + hidden).header("Authorization", acme))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("sort"));
        }
        for (String visible : new String[] {"raisedAt,asc", "acknowledgedAt,desc", "resolvedAt", "type", "severity",
                "status", "licenseId", "customerId"}) {
            mvc.perform(get(PARTNER_ALERTS).param("sort", visible).header("Authorization", acme))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void aPartnerOfAResellerTheDirectoryDoesNotKnowSeesNoAlerts() throws Exception {
        clock.set(Instant.parse("2031-01-01T09:00:00Z"));
        String acmeExpiring = LicenseEventsFixture.newLicenseId();
        licenses.created(acmeExpiring, "IN_USE", LocalDate.parse("2031-03-01"), 10, 100, ACME_ID.toString());
        String stranger = bearer(tokens.partnerToken("initech"));

        mvc.perform(get(PARTNER_ALERTS).header("Authorization", stranger))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content").isEmpty());
        mvc.perform(get(PARTNER_ALERTS + "/" + onlyAlertOf(acmeExpiring)).header("Authorization", stranger))
                .andExpect(status().isNotFound());
    }

    @Test
    void partnerPathsArePartnersOnlyAndStaffPathsStaffOnly() throws Exception {
        String id = UUID.randomUUID().toString();
        mvc.perform(get(PARTNER_ALERTS)).andExpect(status().isUnauthorized());
        for (String staff : new String[] {tokens.adminToken(), tokens.salesToken(), tokens.engineerToken()}) {
            mvc.perform(get(PARTNER_ALERTS).header("Authorization", bearer(staff))).andExpect(status().isForbidden());
            mvc.perform(get(PARTNER_ALERTS + "/" + id).header("Authorization", bearer(staff)))
                    .andExpect(status().isForbidden());
        }
        String partner = bearer(tokens.partnerToken("acme"));
        mvc.perform(get("/api/v1/alerts").header("Authorization", partner)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/alerts/" + id).header("Authorization", partner)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/stats/alerts").header("Authorization", partner)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/alerts/" + id + "/acknowledge").header("Authorization", partner))
                .andExpect(status().isForbidden());
        String withoutScope = tokens.issuer().token(t -> t.subject("p").clientId("partner-acme").roles("partner")
                .claim("reseller_id", "acme"));
        mvc.perform(get(PARTNER_ALERTS).header("Authorization", bearer(withoutScope))).andExpect(status().isForbidden());
    }

    private String onlyAlertOf(String licenseId) throws Exception {
        JsonNode page = json(mvc.perform(get("/api/v1/alerts").param("licenseId", licenseId)
                .header("Authorization", bearer(tokens.adminToken()))).andExpect(status().isOk()));
        assertThat(page.get("content").size()).isEqualTo(1);
        return page.get("content").get(0).get("id").asString();
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private static List<String> resellerIds(JsonNode page) {
        return field(page, "resellerId");
    }

    private static List<String> licenseIds(JsonNode page) {
        return field(page, "licenseId");
    }

    private static List<String> field(JsonNode page, String name) {
        List<String> values = new ArrayList<>();
        page.get("content").forEach(alert -> values.add(alert.get(name).asString()));
        return values;
    }
}
