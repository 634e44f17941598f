package ai.dify.delms.sales.salesrep;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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

import ai.dify.delms.platform.test.ApiChecks;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import ai.dify.delms.sales.salesrep.internal.SalesRepEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class SalesRepApiIT {

    private static final String REPS = "/api/v1/sales-reps";

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

    @Test
    void listNeedsATokenAndAStaffRole() throws Exception {
        ApiChecks.staffReadablePagedList(mvc, tokens, REPS);
    }

    @Test
    void onlyAnAdminCreatesSalesReps() throws Exception {
        String email = "not-allowed-" + UUID.randomUUID() + "@example.com";
        String body = newRep("Not Allowed", email);
        for (String token : new String[] {tokens.salesToken(), tokens.engineerToken(), tokens.partnerToken("acme")}) {
            mvc.perform(post(REPS).header("Authorization", bearer(token)).contentType(MediaType.APPLICATION_JSON)
                    .content(body)).andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("select count(*) from sales_rep where email = ?", Long.class, email)).isZero();
    }

    @Test
    void invalidRepIsRefusedWithFieldErrorsAndNothingIsWritten() throws Exception {
        long before = count();
        String marker = "not-an-email-" + UUID.randomUUID();
        asAdmin(post(REPS).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\" \",\"email\":\"" + marker + "\",\"region\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'region')]").exists());
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where envelope like ?",
                Long.class, "%" + marker + "%")).isZero();
    }

    @Test
    void createdRepIsReadableAndAnnouncedAsCloudEventKeyedByItsId() throws Exception {
        String email = "dana-" + UUID.randomUUID() + "@example.com";
        String created = asAdmin(post(REPS).contentType(MediaType.APPLICATION_JSON).content(newRep("Dana Seller", email)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("http://localhost" + REPS + "/")))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.name").value("Dana Seller"))
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.region").value("EMEA"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(created).get("id").asString();

        asAdmin(get(REPS + "/" + id)).andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.email").value(email));
        mvc.perform(get(REPS).param("q", "DANA-" + email.substring(5, 13))
                        .header("Authorization", bearer(tokens.engineerToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(id));

        ConsumerRecord<String, String> record = kafka.awaitRecordWithKey(SalesRepEvents.TOPIC, id);
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(UUID.fromString(event.get("id").asString())).isNotNull();
        assertThat(event.get("source").asString()).isEqualTo("/delms/sales-service");
        assertThat(event.get("type").asString()).isEqualTo(SalesRepEvents.CREATED);
        assertThat(event.get("subject").asString()).isEqualTo(id);
        assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(event.get("time").asString()).isNotBlank();
        assertThat(event.get("data").get("id").asString()).isEqualTo(id);
        assertThat(event.get("data").get("email").asString()).isEqualTo(email);
    }

    @Test
    void listKeepsOnlyTheGivenIdsAndTheSearchStillApplies() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String ann = idOf(asAdmin(post(REPS).contentType(MediaType.APPLICATION_JSON)
                .content(newRep("Ann " + marker, "ann-" + UUID.randomUUID() + "@example.com"))));
        String ben = idOf(asAdmin(post(REPS).contentType(MediaType.APPLICATION_JSON)
                .content(newRep("Ben " + marker, "ben-" + UUID.randomUUID() + "@example.com"))));
        asAdmin(post(REPS).contentType(MediaType.APPLICATION_JSON)
                .content(newRep("Cai " + marker, "cai-" + UUID.randomUUID() + "@example.com"))).andExpect(status().isCreated());

        mvc.perform(get(REPS).param("id", ann, ben, UUID.randomUUID().toString())
                        .header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[*].id", containsInAnyOrder(ann, ben)));
        mvc.perform(get(REPS).param("id", ann, ben).param("q", "BEN " + marker)
                        .header("Authorization", bearer(tokens.salesToken())))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(ben));

        ApiChecks.idFilterLimits(mvc, tokens, REPS, ann);
    }

    @Test
    void searchMatchesNameOrEmailIgnoringCaseAndTakesWildcardsLiterally() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String rep = idOf(asAdmin(post(REPS).contentType(MediaType.APPLICATION_JSON)
                .content(newRep("Under_score " + marker, "u-" + marker + "@example.com"))));

        for (String q : new String[] {"under_SCORE " + marker, "U-" + marker + "@EXAMPLE"}) {
            mvc.perform(get(REPS).param("q", q).header("Authorization", bearer(tokens.salesToken())))
                    .andExpect(jsonPath("$.page.totalElements").value(1))
                    .andExpect(jsonPath("$.content[0].id").value(rep));
        }
        for (String q : new String[] {"Under%" + marker, "Under_score_" + marker}) {
            mvc.perform(get(REPS).param("q", q).header("Authorization", bearer(tokens.salesToken())))
                    .andExpect(jsonPath("$.page.totalElements").value(0));
        }
    }

    private String idOf(ResultActions created) throws Exception {
        return json.readTree(created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("id").asString();
    }

    @Test
    void duplicateEmailIsAConflictIgnoringCase() throws Exception {
        String email = "twice-" + UUID.randomUUID() + "@example.com";
        asAdmin(post(REPS).contentType(MediaType.APPLICATION_JSON).content(newRep("First", email)))
                .andExpect(status().isCreated());
        asAdmin(post(REPS).contentType(MediaType.APPLICATION_JSON).content(newRep("Second", email.toUpperCase())))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409));
        assertThat(jdbc.queryForObject("select count(*) from sales_rep where email = ?", Long.class, email))
                .isEqualTo(1);
    }

    @Test
    void unknownRepIs404Problem() throws Exception {
        asAdmin(get(REPS + "/" + UUID.randomUUID())).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void openApiDocumentIsPublicAndDescribesTheEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value(startsWith("3.")))
                .andExpect(jsonPath("$.paths['/api/v1/sales-reps'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/sales-reps'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/sales-reps/{id}'].get").exists());
    }

    private ResultActions asAdmin(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.header("Authorization", bearer(tokens.adminToken())));
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from sales_rep", Long.class);
    }

    private static String newRep(String name, String email) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"region\":\"EMEA\"}";
    }

    /** Every write operation of the service's OpenAPI document, refused before it runs (docs/security.md). */
    @Test
    void everyWriteOperationRefusesAnUnacceptableAcceptBeforeRunning() throws Exception {
        assertThat(ApiChecks.writesRefuseAnUnacceptableAcceptBeforeRunning(mvc, tokens))
                .contains("POST /api/v1/sales-reps",
                        "PUT /api/v1/sales-reps/{id}",
                        "PATCH /api/v1/sales-reps/{id}",
                        "POST /api/v1/resellers",
                        "PUT /api/v1/resellers/{id}",
                        "PATCH /api/v1/resellers/{id}",
                        "POST /api/v1/purchases");
    }
}
