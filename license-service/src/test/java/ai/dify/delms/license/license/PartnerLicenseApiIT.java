package ai.dify.delms.license.license;

import ai.dify.delms.license.license.internal.PartnerLicenseDto;
import static ai.dify.delms.license.inbound.SalesAndDeploymentEventsFixture.deploymentCompleted;
import static ai.dify.delms.license.inbound.SalesAndDeploymentEventsFixture.purchase;
import static ai.dify.delms.license.inbound.SalesAndDeploymentEventsFixture.purchaseRecorded;
import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.test.ApiChecks;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestResellers;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partners see, and report usage for, their reseller's licenses only: another reseller's license
 * is an unknown id to them, in lists, reads, timelines and usage reports alike.
 */
@DelmsServiceTest
class PartnerLicenseApiIT {

    private static final String PARTNER_LICENSES = "/api/partner/v1/licenses";
    private static final String LICENSES_TOPIC = "delms.licenses";
    private static final String USAGE_REPORTED = "delms.license.usage-reported.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID ACME_ID = UUID.randomUUID();
    private static final UUID GLOBEX_ID = UUID.randomUUID();
    /** Well-formed, never issued: the 404 a partner must not be able to tell from another reseller's license. */
    private static final String UNKNOWN_ID = "ENT-209912-999999";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SalesDirectory directory;
    @Autowired
    KnownCustomers knownCustomers;

    private LicenseTestClient api;
    private String acme;
    private String globex;
    private String customerId;

    @BeforeEach
    void resellersAndCustomer() {
        api = new LicenseTestClient(mvc);
        TestResellers.created(kafka, ACME_ID, "acme");
        TestResellers.created(kafka, GLOBEX_ID, "globex");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> directory.reseller(ACME_ID).isPresent()
                && directory.reseller(GLOBEX_ID).isPresent());
        customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
        acme = bearer(tokens.partnerToken("acme"));
        globex = bearer(tokens.partnerToken("globex"));
    }

    @Test
    void partnerListsOnlyItsResellersLicensesWithoutVendorInternalFields() throws Exception {
        String acmeLicense = licenseOf(ACME_ID, aLicenseFor(customerId).with("notes", "discount-77-percent"));
        String otherCustomer = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
        String acmeTrial = licenseOf(ACME_ID, aLicenseFor(otherCustomer).with("licenseType", "TRIAL"));
        String globexLicense = licenseOf(GLOBEX_ID, aLicenseFor(customerId));
        String unresold = api.create(tokens.adminToken(), aLicenseFor(customerId));

        JsonNode acmePage = body(mvc.perform(get(PARTNER_LICENSES).param("size", "200").header("Authorization", acme))
                .andExpect(status().isOk()));
        assertThat(field(acmePage, "resellerId")).isNotEmpty().containsOnly(ACME_ID.toString());
        assertThat(field(acmePage, "id")).contains(acmeLicense, acmeTrial).doesNotContain(globexLicense, unresold);
        assertThat(acmePage.get("page").get("totalElements").asInt()).isEqualTo(acmePage.get("content").size());
        JsonNode first = acmePage.get("content").get(0);
        for (String hidden : List.of("salesRepId", "notes", "createdBy", "updatedBy", "timeline")) {
            assertThat(first.has(hidden)).as(hidden).isFalse();
        }
        assertThat(first.has("usage")).isTrue();

        JsonNode trials = body(mvc.perform(get(PARTNER_LICENSES).param("licenseType", "TRIAL")
                .param("customerId", otherCustomer).header("Authorization", acme)));
        assertThat(field(trials, "id")).containsExactly(acmeTrial);
        JsonNode byId = body(mvc.perform(get(PARTNER_LICENSES).param("q", acmeLicense.toLowerCase())
                .header("Authorization", acme)));
        assertThat(field(byId, "id")).containsExactly(acmeLicense);
        // the staff list finds the notes; a partner's search must not, or it would reveal them
        api.list(tokens.adminToken(), "q=discount-77").andExpect(jsonPath("$.content[*].id", hasItem(acmeLicense)));
        mvc.perform(get(PARTNER_LICENSES).param("q", "discount-77").header("Authorization", acme))
                .andExpect(jsonPath("$.content").isEmpty());
        mvc.perform(get(PARTNER_LICENSES).param("customerId", customerId).param("size", "200")
                .header("Authorization", acme))
                .andExpect(jsonPath("$.content[*].resellerId", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.equalTo(ACME_ID.toString()))));
        mvc.perform(get(PARTNER_LICENSES).param("sort", "salesRepId").header("Authorization", acme))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
        ApiChecks.hostilePagingParameters(mvc, PARTNER_LICENSES, acme);
        mvc.perform(get(PARTNER_LICENSES).param("expiringWithinDays", "-1").header("Authorization", acme))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiringWithinDays"));

        JsonNode globexPage = body(mvc.perform(get(PARTNER_LICENSES).param("size", "200")
                .header("Authorization", globex)));
        assertThat(field(globexPage, "resellerId")).containsOnly(GLOBEX_ID.toString());
        assertThat(field(globexPage, "id")).contains(globexLicense).doesNotContain(acmeLicense, acmeTrial);
    }

    @Test
    void anotherResellersLicenseIsAnUnknownIdOnEveryPartnerRead() throws Exception {
        String globexLicense = licenseOf(GLOBEX_ID, aLicenseFor(customerId));
        mvc.perform(get(PARTNER_LICENSES + "/" + globexLicense).header("Authorization", globex))
                .andExpect(status().isOk());

        for (String path : List.of("", "/timeline", "/usage")) {
            String foreign = notFound(get(PARTNER_LICENSES + "/" + globexLicense + path).header("Authorization", acme));
            String unknown = notFound(get(PARTNER_LICENSES + "/" + UNKNOWN_ID + path).header("Authorization", acme));
            assertThat(foreign.replace(globexLicense, "<id>")).as("another reseller's license%s looks unknown", path)
                    .isEqualTo(unknown.replace(UNKNOWN_ID, "<id>"));
            assertThat(foreign).doesNotContain(GLOBEX_ID.toString(), customerId, "globex");
        }
    }

    @Test
    void partnerReadsItsLicenseWithUsageAndATimelineWithoutVendorInternals() throws Exception {
        UUID salesRep = new SalesDirectoryFixture(kafka, directory).knownSalesRep();
        String id = licenseOf(ACME_ID, aLicenseFor(customerId).with("notes", "internal-note-42")
                .with("salesRepId", salesRep.toString()));
        kafka.send("delms.sales", id, purchaseRecorded(purchase(id, "NEW")).toJson());
        kafka.send("delms.deployments", id, deploymentCompleted(id, "Dana Engineer").toJson());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            String timeline = api.timeline(tokens.adminToken(), id).andReturn().getResponse().getContentAsString();
            return timeline.contains("PURCHASE") && timeline.contains("Dana Engineer");
        });
        api.transition(tokens.adminToken(), id, "SUSPENDED", "unpaid invoice 4711").andExpect(status().isOk());

        String license = mvc.perform(get(PARTNER_LICENSES + "/" + id).header("Authorization", acme))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.resellerId").value(ACME_ID.toString()))
                .andExpect(jsonPath("$.usage").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.timeline[*].type", hasItem("CREATED")))
                .andExpect(jsonPath("$.timeline[*].type", hasItem("PURCHASE")))
                .andExpect(jsonPath("$.timeline[?(@.type == 'DEPLOYMENT')].details.environment", hasItem("PRIVATE_CLOUD")))
                .andExpect(jsonPath("$.timeline[?(@.type == 'STATUS_CHANGED')].details.to", hasItem("SUSPENDED")))
                .andReturn().getResponse().getContentAsString();
        String timeline = mvc.perform(get(PARTNER_LICENSES + "/" + id + "/timeline").header("Authorization", acme))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].type", hasItem("DEPLOYMENT")))
                .andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(license).get("timeline")).isEqualTo(JSON.readTree(timeline));
        for (String internal : List.of("internal-note-42", salesRep.toString(), "alice", "Dana Engineer", "12000.00",
                "EUR", "4711", "actor", "salesRepId", "createdBy", "updatedBy", "notes")) {
            assertThat(license).as(internal).doesNotContain(internal);
        }
    }

    /**
     * Both partner lists of license-service sort by what a partner sees only: an order by a hidden
     * field (the vendor's rep or notes, who reported usage for vendor staff) would reveal its values.
     */
    @Test
    void partnerListsSortByVisibleFieldsOnly() throws Exception {
        String id = licenseOf(ACME_ID, aLicenseFor(customerId));
        String usage = PARTNER_LICENSES + "/" + id + "/usage";
        String[][] hidden = {{PARTNER_LICENSES, "salesRepId"}, {PARTNER_LICENSES, "notes,desc"},
                {PARTNER_LICENSES, "createdBy"}, {PARTNER_LICENSES, "updatedBy"},
                {usage, "reportedBy"}, {usage, "reportedBy,desc"}, {usage, "partnerResellerId"}};
        for (String[] c : hidden) {
            mvc.perform(get(c[0]).param("sort", c[1]).header("Authorization", acme))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("sort"));
        }
        String[][] visible = {{PARTNER_LICENSES, "expiryDate,desc"}, {PARTNER_LICENSES, "status"},
                {usage, "reportedAt,asc"}, {usage, "recordedAt"}, {usage, "users,desc"}, {usage, "workspaces"}};
        for (String[] c : visible) {
            mvc.perform(get(c[0]).param("sort", c[1]).header("Authorization", acme)).andExpect(status().isOk());
        }
    }

    @Test
    void partnerReportsUsageForItsOwnLicenseWithTheEffectsOfAStaffReport() throws Exception {
        String id = licenseOf(ACME_ID, aLicenseFor(customerId).with("authorizedUsers", 100));

        partnerUsage(acme, id, Map.of("workspaces", 3, "users", 120), null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.workspaces").value(3))
                .andExpect(jsonPath("$.latest").value(true))
                .andExpect(jsonPath("$.overused").value(true))
                .andExpect(jsonPath("$.licenseStatus").value("IN_USE"))
                .andExpect(jsonPath("$.reportedBy").value("service-account-partner-acme"));

        mvc.perform(get(PARTNER_LICENSES + "/" + id).header("Authorization", acme))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_USE"))
                .andExpect(jsonPath("$.usage.workspaces").value(3))
                .andExpect(jsonPath("$.usage.users").value(120))
                .andExpect(jsonPath("$.overused").value(true))
                .andExpect(jsonPath("$.timeline[*].type", hasItem("FIRST_USE")))
                .andExpect(jsonPath("$.timeline[*].type", hasItem("OVERUSE_STARTED")));
        mvc.perform(get(PARTNER_LICENSES).param("overused", "true").header("Authorization", acme))
                .andExpect(jsonPath("$.content[*].id", hasItem(id)));
        // staff see who reported it: the partner's client
        api.usage(tokens.adminToken(), id).andExpect(jsonPath("$.content[0].reportedBy")
                .value("service-account-partner-acme"));
        // a partner sees its own reporters in the history, never vendor staff
        api.reportUsage(tokens.engineerToken(), id, Map.of("workspaces", 3, "users", 110,
                "reportedAt", java.time.Instant.now().minusSeconds(3600).toString())).andExpect(status().isCreated());
        mvc.perform(get(PARTNER_LICENSES + "/" + id + "/usage").header("Authorization", acme))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].users").value(120))
                .andExpect(jsonPath("$.content[0].reportedBy").value("service-account-partner-acme"))
                .andExpect(jsonPath("$.content[1].users").value(110))
                .andExpect(jsonPath("$.content[1].reportedBy").value(org.hamcrest.Matchers.nullValue()));

        ConsumerRecord<String, String> record = kafka.awaitRecord(LICENSES_TOPIC,
                r -> id.equals(r.key()) && r.value().contains(USAGE_REPORTED));
        JsonNode data = JSON.readTree(record.value()).get("data");
        assertThat(data.get("licenseId").asString()).isEqualTo(id);
        assertThat(data.get("users").asInt()).isEqualTo(120);
        assertThat(data.get("authorizedUsers").asInt()).isEqualTo(100);

        // a retried request with the same Idempotency-Key records one report
        Map<String, Object> retried = Map.of("workspaces", 4, "users", 90);
        partnerUsage(acme, id, retried, "report-0001").andExpect(status().isCreated());
        partnerUsage(acme, id, retried, "report-0001").andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"));
        mvc.perform(get(PARTNER_LICENSES + "/" + id + "/usage").header("Authorization", acme))
                .andExpect(jsonPath("$.page.totalElements").value(3));

        partnerUsage(acme, id, Map.of("workspaces", -1, "users", 5), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("workspaces"));
    }

    @Test
    void usageReportForAnotherResellersLicenseChangesAndPublishesNothing() throws Exception {
        String globexLicense = licenseOf(GLOBEX_ID, aLicenseFor(customerId));
        Map<String, Object> report = Map.of("workspaces", 2, "users", 20);

        String foreign = partnerUsage(acme, globexLicense, report, null).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        String unknown = partnerUsage(acme, UNKNOWN_ID, report, null).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(foreign.replace(globexLicense, "<id>")).isEqualTo(unknown.replace(UNKNOWN_ID, "<id>"));

        JsonNode after = api.readBody(tokens.adminToken(), globexLicense);
        assertThat(after.get("usage").isNull()).isTrue();
        assertThat(after.get("status").asString()).isEqualTo("CREATED");
        assertThat(after.get("version").asLong()).isZero();
        api.usage(tokens.adminToken(), globexLicense).andExpect(jsonPath("$.page.totalElements").value(0));
        // the outbox is written in the request's transaction: nothing there means nothing will be sent
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where envelope like ? "
                + "and envelope like ?", Integer.class, "%" + globexLicense + "%", "%" + USAGE_REPORTED + "%"))
                .isZero();

        // a report sent later by its owner is on the topic; the refused one never was
        partnerUsage(globex, globexLicense, report, null).andExpect(status().isCreated());
        kafka.awaitRecord(LICENSES_TOPIC, r -> globexLicense.equals(r.key()) && r.value().contains(USAGE_REPORTED));
        assertThat(kafka.records(LICENSES_TOPIC).stream()
                .filter(r -> globexLicense.equals(r.key()) && r.value().contains(USAGE_REPORTED))).hasSize(1);
    }

    @Test
    void aPartnerOfAResellerTheDirectoryDoesNotKnowOwnsNothing() throws Exception {
        String acmeLicense = licenseOf(ACME_ID, aLicenseFor(customerId));
        String stranger = bearer(tokens.partnerToken("initech"));

        mvc.perform(get(PARTNER_LICENSES).header("Authorization", stranger))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content").isEmpty());
        notFound(get(PARTNER_LICENSES + "/" + acmeLicense).header("Authorization", stranger));
        partnerUsage(stranger, acmeLicense, Map.of("workspaces", 1, "users", 1), null).andExpect(status().isNotFound());
        assertThat(api.readBody(tokens.adminToken(), acmeLicense).get("usage").isNull()).isTrue();
    }

    @Test
    void partnerPathsArePartnersOnlyAndStaffPathsStaffOnly() throws Exception {
        String id = licenseOf(ACME_ID, aLicenseFor(customerId));
        String usageBody = JSON.writeValueAsString(Map.of("workspaces", 1, "users", 1));

        mvc.perform(get(PARTNER_LICENSES)).andExpect(status().isUnauthorized());
        mvc.perform(get(PARTNER_LICENSES + "/" + id)).andExpect(status().isUnauthorized());
        mvc.perform(post(PARTNER_LICENSES + "/" + id + "/usage").contentType(MediaType.APPLICATION_JSON)
                .content(usageBody)).andExpect(status().isUnauthorized());

        for (String staff : List.of(tokens.adminToken(), tokens.salesToken(), tokens.engineerToken())) {
            for (String path : List.of("", "/" + id, "/" + id + "/timeline", "/" + id + "/usage")) {
                mvc.perform(get(PARTNER_LICENSES + path).header("Authorization", bearer(staff)))
                        .andExpect(status().isForbidden());
            }
            mvc.perform(post(PARTNER_LICENSES + "/" + id + "/usage").header("Authorization", bearer(staff))
                    .contentType(MediaType.APPLICATION_JSON).content(usageBody)).andExpect(status().isForbidden());
        }

        for (String path : List.of("/api/v1/licenses", "/api/v1/licenses/" + id, "/api/v1/licenses/" + id + "/usage",
                "/api/v1/licenses/" + id + "/timeline", "/api/v1/licenses/" + id + "/changes", "/api/v1/stats/licenses")) {
            mvc.perform(get(path).header("Authorization", acme)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/v1/licenses/" + id + "/usage").header("Authorization", acme)
                .contentType(MediaType.APPLICATION_JSON).content(usageBody)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/licenses").header("Authorization", acme)
                .contentType(MediaType.APPLICATION_JSON).content(aLicenseFor(customerId).toJson()))
                .andExpect(status().isForbidden());

        String withoutScope = tokens.issuer().token(t -> t.subject("p").clientId("partner-acme").roles("partner")
                .claim("reseller_id", "acme"));
        String withoutReseller = tokens.issuer().token(t -> t.subject("p").clientId("partner-acme").roles("partner")
                .scope("partner-api"));
        for (String token : List.of(withoutScope, withoutReseller)) {
            mvc.perform(get(PARTNER_LICENSES).header("Authorization", bearer(token))).andExpect(status().isForbidden());
            mvc.perform(post(PARTNER_LICENSES + "/" + id + "/usage").header("Authorization", bearer(token))
                    .contentType(MediaType.APPLICATION_JSON).content(usageBody)).andExpect(status().isForbidden());
        }
        assertThat(api.readBody(tokens.adminToken(), id).get("usage").isNull()).isTrue();
    }

    @Test
    void theApiDocumentDescribesThePartnerEndpointsWithoutVendorInternalFields() throws Exception {
        JsonNode doc = body(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()));
        JsonNode paths = doc.get("paths");
        assertThat(paths.has(PARTNER_LICENSES)).isTrue();
        assertThat(paths.get(PARTNER_LICENSES + "/{id}/usage").has("post")).isTrue();
        assertThat(paths.has(PARTNER_LICENSES + "/{id}/timeline")).isTrue();
        List<String> parameters = new ArrayList<>();
        paths.get(PARTNER_LICENSES).get("get").get("parameters").forEach(p -> parameters.add(p.get("name").asString()));
        assertThat(parameters).contains("status", "customerId", "q", "page")
                .doesNotContain("salesRepId", "resellerId", "caller", "resellerCode");
        JsonNode license = doc.get("components").get("schemas").get("PartnerLicenseDto").get("properties");
        assertThat(license.has("timeline")).isTrue();
        for (String hidden : List.of("salesRepId", "notes", "createdBy", "updatedBy")) {
            assertThat(license.has(hidden)).as(hidden).isFalse();
        }
    }

    private String licenseOf(UUID resellerId, NewLicenseBuilder license) throws Exception {
        return api.create(tokens.adminToken(), license.with("resellerId", resellerId.toString()));
    }

    private ResultActions partnerUsage(String authorization, String id, Object body, String idempotencyKey)
            throws Exception {
        MockHttpServletRequestBuilder request = post(PARTNER_LICENSES + "/" + id + "/usage")
                .header("Authorization", authorization)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    private String notFound(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString();
    }

    private static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private static List<String> field(JsonNode page, String name) {
        List<String> values = new ArrayList<>();
        page.get("content").forEach(license -> values.add(license.get(name).asString()));
        return values;
    }
}
