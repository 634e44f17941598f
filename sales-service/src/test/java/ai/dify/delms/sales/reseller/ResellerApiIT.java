package ai.dify.delms.sales.reseller;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ai.dify.delms.platform.test.ApiChecks;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import ai.dify.delms.sales.SalesApi;
import ai.dify.delms.sales.licenseview.LicenseFeed;
import ai.dify.delms.sales.licenseview.TestLicenses;
import ai.dify.delms.sales.reseller.internal.ResellerEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class ResellerApiIT {

    private static final String RESELLERS = "/api/v1/resellers";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    LicenseFeed feed;

    @Test
    void listNeedsATokenAndAStaffRole() throws Exception {
        ApiChecks.staffReadablePagedList(mvc, tokens, RESELLERS);
    }

    @Test
    void createdResellerIsReadableSearchableAndAnnouncedWithItsCode() throws Exception {
        String code = SalesApi.uniqueCode("acme");
        String body = asAdmin(post(RESELLERS).contentType(MediaType.APPLICATION_JSON)
                        .content(SalesApi.resellerBody(code, "Acme Channel", "PLATINUM")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("http://localhost" + RESELLERS + "/")))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.tier").value("PLATINUM"))
                .andExpect(jsonPath("$.active").value(true))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();

        mvc.perform(get(RESELLERS).param("q", code.toUpperCase()).header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(id));

        ConsumerRecord<String, String> record = kafka.awaitRecordWithKey(ResellerEvents.TOPIC, id);
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("type").asString()).isEqualTo(ResellerEvents.CREATED);
        JsonNode data = event.get("data");
        assertThat(data.get("id").asString()).isEqualTo(id);
        assertThat(data.get("code").asString()).isEqualTo(code);
        assertThat(data.get("name").asString()).isEqualTo("Acme Channel");
        assertThat(data.get("contactEmail").asString()).isEqualTo("sales@" + code + ".example.com");
        assertThat(data.get("region").asString()).isEqualTo("EMEA");
        assertThat(data.get("tier").asString()).isEqualTo("PLATINUM");
        assertThat(data.get("active").asBoolean()).isTrue();
        assertThat(data.get("version").asLong()).isZero();
    }

    @Test
    void listKeepsOnlyTheGivenIdsAndTheSearchStillApplies() throws Exception {
        SalesApi api = new SalesApi(mvc, tokens, json);
        String first = api.reseller(SalesApi.uniqueCode("ids")).toString();
        String second = api.reseller(SalesApi.uniqueCode("ids")).toString();
        api.reseller(SalesApi.uniqueCode("ids"));
        String secondCode = json.readTree(asAdmin(get(RESELLERS + "/" + second)).andReturn().getResponse()
                .getContentAsString()).get("code").asString();

        mvc.perform(get(RESELLERS).param("id", first, second, UUID.randomUUID().toString())
                        .header("Authorization", bearer(tokens.engineerToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[*].id", containsInAnyOrder(first, second)));
        mvc.perform(get(RESELLERS).param("id", first, second).param("q", secondCode.toUpperCase())
                        .header("Authorization", bearer(tokens.engineerToken())))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(second));

        ApiChecks.idFilterLimits(mvc, tokens, RESELLERS, first);
    }

    @Test
    void duplicateCodeIsAConflict() throws Exception {
        String code = SalesApi.uniqueCode("dup");
        asAdmin(post(RESELLERS).contentType(MediaType.APPLICATION_JSON).content(SalesApi.resellerBody(code, "One", "GOLD")))
                .andExpect(status().isCreated());
        asAdmin(post(RESELLERS).contentType(MediaType.APPLICATION_JSON).content(SalesApi.resellerBody(code, "Two", "GOLD")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(jdbc.queryForObject("select count(*) from reseller where code = ?", Long.class, code)).isEqualTo(1);
    }

    /**
     * A deleted reseller's code is not issued again: partner tokens carry the code, and every
     * service's sales directory would keep mapping it to the deleted reseller.
     */
    @Test
    void aDeletedResellersCodeIsNeverIssuedAgain() throws Exception {
        String code = SalesApi.uniqueCode("gone");
        UUID deleted = new SalesApi(mvc, tokens, json).reseller(code);
        asAdmin(delete(RESELLERS + "/" + deleted)).andExpect(status().isNoContent());

        asAdmin(post(RESELLERS).contentType(MediaType.APPLICATION_JSON).content(SalesApi.resellerBody(code, "Successor", "GOLD")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("never issued again")));
        assertThat(jdbc.queryForObject("select count(*) from reseller where code = ?", Long.class, code)).isZero();
        asAdmin(post(RESELLERS).contentType(MediaType.APPLICATION_JSON)
                        .content(SalesApi.resellerBody(code + "-2", "Successor", "GOLD")))
                .andExpect(status().isCreated());
    }

    @Test
    void invalidResellersAreRefusedWithTheFieldNamedAndNothingWritten() throws Exception {
        long before = count();
        String[][] cases = {
                {SalesApi.resellerBody("Not A Slug", "X", "GOLD"), "code"},
                {SalesApi.resellerBody("-lead", "X", "GOLD"), "code"},
                {SalesApi.resellerBody("x", "X", "GOLD"), "code"},
                {SalesApi.resellerBody(SalesApi.uniqueCode("ok"), "X", "GOLD").replace("\"code\"", "\"ignored\""), "code"},
                {SalesApi.resellerBody(SalesApi.uniqueCode("ok"), " ", "GOLD"), "name"},
                {SalesApi.resellerBody(SalesApi.uniqueCode("ok"), "X", "GOLD").replace("sales@", "sales-at-"), "contactEmail"},
                {SalesApi.resellerBody(SalesApi.uniqueCode("ok"), "X", "DIAMOND"), "tier"},
        };
        for (String[] c : cases) {
            asAdmin(post(RESELLERS).contentType(MediaType.APPLICATION_JSON).content(c[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[?(@.field == '" + c[1] + "')]").exists());
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void codeIsImmutableButOtherFieldsChangeWithOptimisticLocking() throws Exception {
        String code = SalesApi.uniqueCode("fixed");
        UUID id = api().reseller(code);
        asAdmin(patch(RESELLERS + "/" + id).contentType("application/merge-patch+json")
                .content("{\"code\":\"" + code + "-new\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"));
        asAdmin(put(RESELLERS + "/" + id).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content(SalesApi.resellerBody(code, "Renamed Partner", "AUTHORIZED")))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.tier").value("AUTHORIZED")).andExpect(jsonPath("$.code").value(code));
        asAdmin(patch(RESELLERS + "/" + id).header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .content("{\"tier\":\"GOLD\"}")).andExpect(status().isPreconditionFailed());
        asAdmin(patch(RESELLERS + "/" + id).contentType("application/merge-patch+json")
                .content("{\"tier\":\"GOLD\",\"version\":0}")).andExpect(status().isConflict());
        asAdmin(get(RESELLERS + "/" + id)).andExpect(jsonPath("$.tier").value("AUTHORIZED"))
                .andExpect(jsonPath("$.code").value(code));
        kafka.awaitRecord(ResellerEvents.TOPIC,
                r -> r.key().equals(id.toString()) && r.value().contains(ResellerEvents.UPDATED));
    }

    @Test
    void onlyAdminsManageResellers() throws Exception {
        String code = SalesApi.uniqueCode("nope");
        mvc.perform(post(RESELLERS).header("Authorization", bearer(tokens.salesToken()))
                .contentType(MediaType.APPLICATION_JSON).content(SalesApi.resellerBody(code, "X", "GOLD")))
                .andExpect(status().isForbidden());
        UUID id = api().reseller(SalesApi.uniqueCode("kept"));
        mvc.perform(delete(RESELLERS + "/" + id).header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isForbidden());
        mvc.perform(get(RESELLERS + "/" + id).header("Authorization", bearer(tokens.partnerToken("acme"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void referencedResellerIsDeactivatedAndAnUnreferencedOneDeleted() throws Exception {
        UUID used = api().reseller(SalesApi.uniqueCode("used"));
        new TestLicenses(kafka, feed).created(TestLicenses.license().withReseller(used));
        asAdmin(delete(RESELLERS + "/" + used)).andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        asAdmin(get(RESELLERS + "/" + used)).andExpect(status().isOk());

        UUID unused = api().reseller(SalesApi.uniqueCode("unused"));
        asAdmin(delete(RESELLERS + "/" + unused)).andExpect(status().isNoContent());
        asAdmin(get(RESELLERS + "/" + unused)).andExpect(status().isNotFound());
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from reseller", Long.class);
    }

    private SalesApi api() {
        return new SalesApi(mvc, tokens, json);
    }

    private ResultActions asAdmin(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(tokens.adminToken())));
    }
}
