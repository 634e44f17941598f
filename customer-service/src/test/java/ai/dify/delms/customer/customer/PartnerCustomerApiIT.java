package ai.dify.delms.customer.customer;

import static ai.dify.delms.customer.customer.NewCustomerBuilder.aCustomer;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.directory.SalesParty;
import ai.dify.delms.platform.test.ApiChecks;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestResellers;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Partners read the customers their reseller serves, and nothing of another reseller's or of the
 * vendor's direct customers: not in lists, and such an id answers exactly like an unknown one.
 */
@DelmsServiceTest
class PartnerCustomerApiIT {

    private static final String PARTNER_CUSTOMERS = "/api/partner/v1/customers";
    private static final String STAFF_CUSTOMERS = "/api/v1/customers";
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
    SalesDirectory directory;

    @BeforeEach
    void resellersKnown() {
        TestResellers.created(kafka, ACME_ID, "acme");
        TestResellers.created(kafka, GLOBEX_ID, "globex");
        awaitReseller(ACME_ID, true);
        awaitReseller(GLOBEX_ID, true);
    }

    @Test
    void partnerListsOnlyTheCustomersItsResellerServes() throws Exception {
        String marker = marker();
        String acmeRetail = create(aCustomer().with("name", "Acme Retail " + marker).with("industry", "Retail")
                .with("country", "FR").with("region", "EMEA").with("resellerId", ACME_ID.toString()));
        String acmeBank = create(aCustomer().with("name", "Acme Bank " + marker).with("industry", "Banking")
                .with("country", "JP").with("region", "APAC").with("resellerId", ACME_ID.toString()));
        String globex = create(aCustomer().with("name", "Globex Retail " + marker).with("industry", "Retail")
                .with("country", "FR").with("resellerId", GLOBEX_ID.toString()));
        String direct = create(aCustomer().with("name", "Direct Retail " + marker).with("industry", "Retail")
                .with("country", "FR"));
        String acme = bearer(tokens.partnerToken("acme"));

        JsonNode all = json(mvc.perform(get(PARTNER_CUSTOMERS).param("size", "200").header("Authorization", acme))
                .andExpect(status().isOk()));
        assertThat(field(all, "resellerId")).isNotEmpty().containsOnly(ACME_ID.toString());
        assertThat(field(all, "id")).contains(acmeRetail, acmeBank).doesNotContain(globex, direct);
        assertThat(all.get("page").get("totalElements").asInt()).isEqualTo(all.get("content").size());

        // the reseller filter is part of the query: one per page, two pages, although four customers match q
        JsonNode firstPage = json(mvc.perform(get(PARTNER_CUSTOMERS).param("q", marker.toUpperCase()).param("size", "1")
                .param("sort", "name,asc").header("Authorization", acme)).andExpect(status().isOk()));
        assertThat(field(firstPage, "id")).containsExactly(acmeBank);
        assertThat(firstPage.get("page").get("totalElements").asInt()).isEqualTo(2);
        assertThat(firstPage.get("page").get("totalPages").asInt()).isEqualTo(2);
        JsonNode secondPage = json(mvc.perform(get(PARTNER_CUSTOMERS).param("q", marker).param("size", "1")
                .param("page", "1").param("sort", "name,asc").header("Authorization", acme)));
        assertThat(field(secondPage, "id")).containsExactly(acmeRetail);

        for (String[] filter : new String[][] {{"industry", "Retail"}, {"country", "FR"}, {"region", "EMEA"}}) {
            JsonNode filtered = json(mvc.perform(get(PARTNER_CUSTOMERS).param("q", marker).param(filter[0], filter[1])
                    .header("Authorization", acme)).andExpect(status().isOk()));
            assertThat(field(filtered, "id")).as(filter[0]).containsExactly(acmeRetail);
        }
        mvc.perform(get(PARTNER_CUSTOMERS).param("q", "Globex Retail " + marker).header("Authorization", acme))
                .andExpect(jsonPath("$.content").isEmpty())
                .andExpect(jsonPath("$.page.totalElements").value(0));

        // staff-only filters do not widen what a partner sees
        JsonNode asIfGlobex = json(mvc.perform(get(PARTNER_CUSTOMERS).param("q", marker)
                .param("resellerId", GLOBEX_ID.toString()).param("salesRepId", UUID.randomUUID().toString())
                .header("Authorization", acme)).andExpect(status().isOk()));
        assertThat(field(asIfGlobex, "id")).containsExactlyInAnyOrder(acmeRetail, acmeBank);

        JsonNode globexList = json(mvc.perform(get(PARTNER_CUSTOMERS).param("q", marker)
                .header("Authorization", bearer(tokens.partnerToken("globex")))));
        assertThat(field(globexList, "id")).containsExactly(globex);
    }

    @Test
    void partnerCustomerLeavesOutTheVendorsInternalFields() throws Exception {
        String id = create(aCustomer().with("resellerId", ACME_ID.toString()).with("notes", "discount at most 10%")
                .with("contactPhone", "+49 30 1234"));
        String acme = bearer(tokens.partnerToken("acme"));

        JsonNode customer = json(mvc.perform(get(PARTNER_CUSTOMERS + "/" + id).header("Authorization", acme))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.resellerId").value(ACME_ID.toString()))
                .andExpect(jsonPath("$.contactEmail").exists())
                .andExpect(jsonPath("$.contactPhone").value("+49 30 1234")));
        JsonNode listed = json(mvc.perform(get(PARTNER_CUSTOMERS).param("q", customer.get("name").asString())
                .header("Authorization", acme))).get("content").get(0);
        for (JsonNode shown : List.of(customer, listed)) {
            assertThat(shown.has("notes") || shown.has("salesRepId") || shown.has("createdBy")
                    || shown.has("updatedBy") || shown.has("licenseCount") || shown.has("version"))
                    .as("internal fields in %s", shown).isFalse();
        }
        assertThat(listed).isEqualTo(customer);

        mvc.perform(get(PARTNER_CUSTOMERS).param("sort", "notes,asc").header("Authorization", acme))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(get(PARTNER_CUSTOMERS).param("size", "201").header("Authorization", acme))
                .andExpect(status().isBadRequest());
        ApiChecks.hostilePagingParameters(mvc, PARTNER_CUSTOMERS, acme);
    }

    @Test
    void anotherResellersOrADirectCustomerIsAnsweredExactlyLikeAnUnknownId() throws Exception {
        String globexName = "Globex Secret " + marker();
        String globex = create(aCustomer().with("name", globexName).with("resellerId", GLOBEX_ID.toString()));
        String direct = create(aCustomer());
        String acme = bearer(tokens.partnerToken("acme"));

        mvc.perform(get(PARTNER_CUSTOMERS + "/" + globex).header("Authorization", bearer(tokens.partnerToken("globex"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(globexName));
        JsonNode unknown = notFound(acme, UUID.randomUUID().toString());
        for (String foreignId : List.of(globex, direct)) {
            JsonNode foreign = notFound(acme, foreignId);
            assertThat(foreign.toString()).doesNotContain(globexName, GLOBEX_ID.toString(), "globex", "Globex");
            assertThat(withoutInstance(foreign)).as("looks like an unknown id").isEqualTo(withoutInstance(unknown));
        }

        String malformedForStaff = mvc.perform(get(STAFF_CUSTOMERS + "/not-a-uuid")
                        .header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        JsonNode malformed = json(mvc.perform(get(PARTNER_CUSTOMERS + "/not-a-uuid").header("Authorization", acme))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
        assertThat(withoutInstance(malformed)).isEqualTo(withoutInstance(JSON.readTree(malformedForStaff)));
    }

    @Test
    void partnerOfAnUnknownOrDeactivatedResellerSeesNoCustomers() throws Exception {
        UUID umbrellaId = UUID.randomUUID();
        TestResellers.created(kafka, umbrellaId, "umbrella");
        awaitReseller(umbrellaId, true);
        String id = create(aCustomer().with("resellerId", umbrellaId.toString()));
        String umbrella = bearer(tokens.partnerToken("umbrella"));
        mvc.perform(get(PARTNER_CUSTOMERS).header("Authorization", umbrella))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(id))
                .andExpect(jsonPath("$.page.totalElements").value(1));

        TestResellers.updated(kafka, umbrellaId, "umbrella", false, 1);
        awaitReseller(umbrellaId, false);

        mvc.perform(get(PARTNER_CUSTOMERS).header("Authorization", umbrella))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content").isEmpty())
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get(PARTNER_CUSTOMERS + "/" + id).header("Authorization", umbrella))
                .andExpect(status().isNotFound());
        String stranger = bearer(tokens.partnerToken("initech"));
        mvc.perform(get(PARTNER_CUSTOMERS).header("Authorization", stranger))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content").isEmpty());
    }

    @Test
    void partnerPathsArePartnersOnlyAndStaffPathsStaffOnly() throws Exception {
        String id = create(aCustomer().with("resellerId", ACME_ID.toString()));
        String partnerOne = PARTNER_CUSTOMERS + "/" + id;

        mvc.perform(get(PARTNER_CUSTOMERS)).andExpect(status().isUnauthorized());
        mvc.perform(get(partnerOne)).andExpect(status().isUnauthorized());
        for (String staff : List.of(tokens.adminToken(), tokens.salesToken(), tokens.engineerToken())) {
            mvc.perform(get(PARTNER_CUSTOMERS).header("Authorization", bearer(staff))).andExpect(status().isForbidden());
            mvc.perform(get(partnerOne).header("Authorization", bearer(staff))).andExpect(status().isForbidden());
        }

        String withoutScope = tokens.issuer().token(t -> t.subject("p").clientId("partner-acme").roles("partner")
                .claim("reseller_id", "acme"));
        String withoutClaim = tokens.issuer().token(t -> t.subject("p").clientId("partner-acme").roles("partner")
                .scope("partner-api"));
        String withoutRole = tokens.issuer().token(t -> t.subject("p").clientId("partner-acme").roles("sales")
                .scope("partner-api").claim("reseller_id", "acme"));
        for (String notPartner : List.of(withoutScope, withoutClaim, withoutRole)) {
            mvc.perform(get(PARTNER_CUSTOMERS).header("Authorization", bearer(notPartner)))
                    .andExpect(status().isForbidden());
            mvc.perform(get(partnerOne).header("Authorization", bearer(notPartner))).andExpect(status().isForbidden());
        }

        String partner = bearer(tokens.partnerToken("acme"));
        mvc.perform(get(partnerOne).header("Authorization", partner)).andExpect(status().isOk());
        String body = aCustomer().toJson();
        List<MockHttpServletRequestBuilder> staffRequests = List.of(get(STAFF_CUSTOMERS),
                get(STAFF_CUSTOMERS + "/" + id),
                post(STAFF_CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(body),
                put(STAFF_CUSTOMERS + "/" + id).contentType(MediaType.APPLICATION_JSON).content(body),
                patch(STAFF_CUSTOMERS + "/" + id).contentType("application/merge-patch+json").content("{}"),
                delete(STAFF_CUSTOMERS + "/" + id));
        for (MockHttpServletRequestBuilder request : staffRequests) {
            mvc.perform(request.header("Authorization", partner)).andExpect(status().isForbidden());
        }
        // partners only read: no writes on the partner path either
        mvc.perform(post(PARTNER_CUSTOMERS).header("Authorization", partner).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404, 405));
        mvc.perform(delete(partnerOne).header("Authorization", partner))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404, 405));
        mvc.perform(get(partnerOne).header("Authorization", bearer(tokens.adminToken()))).andExpect(status().isForbidden());
        mvc.perform(get(STAFF_CUSTOMERS + "/" + id).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isOk());
    }

    private String create(NewCustomerBuilder customer) throws Exception {
        return json(mvc.perform(post(STAFF_CUSTOMERS).header("Authorization", bearer(tokens.adminToken()))
                .contentType(MediaType.APPLICATION_JSON).content(customer.toJson())).andExpect(status().isCreated()))
                .get("id").asString();
    }

    private JsonNode notFound(String token, String id) throws Exception {
        return json(mvc.perform(get(PARTNER_CUSTOMERS + "/" + id).header("Authorization", token))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }

    private void awaitReseller(UUID id, boolean active) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> directory.reseller(id).map(SalesParty::active).filter(a -> a == active).isPresent());
    }

    private static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode copy = (ObjectNode) problem.deepCopy();
        copy.remove("instance");
        return copy;
    }

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private static List<String> field(JsonNode page, String name) {
        List<String> values = new ArrayList<>();
        page.get("content").forEach(customer -> values.add(customer.get(name).asString()));
        return values;
    }
}
