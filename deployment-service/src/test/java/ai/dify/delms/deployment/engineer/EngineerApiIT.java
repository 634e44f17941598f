package ai.dify.delms.deployment.engineer;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ai.dify.delms.deployment.engineer.internal.EngineerEvents;
import ai.dify.delms.platform.test.ApiChecks;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class EngineerApiIT {

    private static final String ENGINEERS = "/api/v1/engineers";

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
        ApiChecks.staffReadablePagedList(mvc, tokens, ENGINEERS);
    }

    @Test
    void onlyAnAdminCreatesEngineers() throws Exception {
        String email = "not-allowed-" + UUID.randomUUID() + "@example.com";
        for (String token : new String[] {tokens.salesToken(), tokens.engineerToken(), tokens.partnerToken("acme")}) {
            mvc.perform(post(ENGINEERS).header("Authorization", bearer(token)).contentType(MediaType.APPLICATION_JSON)
                    .content(newEngineer("Not Allowed", email))).andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("select count(*) from engineer where email = ?", Long.class, email)).isZero();
    }

    @Test
    void invalidEngineerIsRefusedWithFieldErrorsAndNothingIsWritten() throws Exception {
        long before = jdbc.queryForObject("select count(*) from engineer", Long.class);
        String marker = "not-an-email-" + UUID.randomUUID();
        asAdmin(post(ENGINEERS).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"\",\"email\":\"" + marker + "\",\"region\":\"EMEA\",\"skills\":[\"k8s\",\" \"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field =~ /skills.*/)]").exists());
        assertThat(jdbc.queryForObject("select count(*) from engineer", Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where envelope like ?",
                Long.class, "%" + marker + "%")).isZero();
    }

    @Test
    void createdEngineerIsReadableWithSkillsAndAnnouncedAsCloudEventKeyedByItsId() throws Exception {
        String email = "erin-" + UUID.randomUUID() + "@example.com";
        String created = asAdmin(post(ENGINEERS).contentType(MediaType.APPLICATION_JSON)
                        .content(newEngineer("Erin Deployer", email)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("http://localhost" + ENGINEERS + "/")))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.name").value("Erin Deployer"))
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.skills", contains("kubernetes", "mysql")))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(created).get("id").asString();

        asAdmin(get(ENGINEERS + "/" + id)).andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.skills", contains("kubernetes", "mysql")));
        mvc.perform(get(ENGINEERS).param("q", email.substring(0, 13).toUpperCase())
                        .header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(id))
                .andExpect(jsonPath("$.content[0].skills", contains("kubernetes", "mysql")));

        ConsumerRecord<String, String> record = kafka.awaitRecordWithKey(EngineerEvents.TOPIC, id);
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(UUID.fromString(event.get("id").asString())).isNotNull();
        assertThat(event.get("source").asString()).isEqualTo("/delms/deployment-service");
        assertThat(event.get("type").asString()).isEqualTo(EngineerEvents.CREATED);
        assertThat(event.get("subject").asString()).isEqualTo(id);
        assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(event.get("time").asString()).isNotBlank();
        assertThat(event.get("data").get("email").asString()).isEqualTo(email);
        assertThat(event.get("data").get("skills").get(1).asString()).isEqualTo("mysql");
    }

    @Test
    void duplicateEmailIsAConflictIgnoringCase() throws Exception {
        String email = "twice-" + UUID.randomUUID() + "@example.com";
        asAdmin(post(ENGINEERS).contentType(MediaType.APPLICATION_JSON).content(newEngineer("First", email)))
                .andExpect(status().isCreated());
        asAdmin(post(ENGINEERS).contentType(MediaType.APPLICATION_JSON).content(newEngineer("Second", email.toUpperCase())))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409));
        assertThat(jdbc.queryForObject("select count(*) from engineer where email = ?", Long.class, email))
                .isEqualTo(1);
    }

    @Test
    void unknownEngineerIs404Problem() throws Exception {
        asAdmin(get(ENGINEERS + "/" + UUID.randomUUID())).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void openApiDocumentIsPublicAndDescribesTheEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value(startsWith("3.")))
                .andExpect(jsonPath("$.paths['/api/v1/engineers'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/engineers'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/engineers/{id}'].get").exists());
    }

    @Test
    void putReplacesTheEngineerBumpsTheVersionAndAnnouncesTheUpdate() throws Exception {
        String id = create("Fay Before", "fay-" + UUID.randomUUID() + "@example.com");
        String email = "fay-after-" + UUID.randomUUID() + "@example.com";
        asAdmin(put(ENGINEERS + "/" + id).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Fay After\",\"email\":\"" + email.toUpperCase()
                        + "\",\"region\":\"APAC\",\"skills\":[\"oracle\"],\"active\":false}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value("Fay After"))
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.region").value("APAC"))
                .andExpect(jsonPath("$.skills", contains("oracle")))
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.version").value(1));
        asAdmin(get(ENGINEERS + "/" + id)).andExpect(jsonPath("$.name").value("Fay After"))
                .andExpect(jsonPath("$.skills", contains("oracle")));

        ConsumerRecord<String, String> record = kafka.awaitRecord(EngineerEvents.TOPIC,
                r -> id.equals(r.key()) && r.value().contains(EngineerEvents.UPDATED));
        JsonNode data = json.readTree(record.value()).get("data");
        assertThat(data.get("name").asString()).isEqualTo("Fay After");
        assertThat(data.get("active").asBoolean()).isFalse();
        assertThat(data.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void mergePatchChangesOnlyTheGivenFieldsAndChecksTheVersion() throws Exception {
        String email = "gus-" + UUID.randomUUID() + "@example.com";
        String id = create("Gus", email);
        asAdmin(patch(ENGINEERS + "/" + id).header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .content("{\"region\":\"AMER\",\"skills\":[\"linux\",\"kubernetes\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Gus"))
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.region").value("AMER"))
                .andExpect(jsonPath("$.skills", contains("linux", "kubernetes")))
                .andExpect(jsonPath("$.version").value(1));

        asAdmin(patch(ENGINEERS + "/" + id).header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .content("{\"region\":\"EMEA\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        asAdmin(patch(ENGINEERS + "/" + id).contentType("application/merge-patch+json")
                .content("{\"region\":\"EMEA\",\"version\":0}"))
                .andExpect(status().isConflict());
        asAdmin(patch(ENGINEERS + "/" + id).contentType("application/merge-patch+json")
                .content("{\"email\":\"not an e-mail\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        asAdmin(get(ENGINEERS + "/" + id)).andExpect(jsonPath("$.region").value("AMER"))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void changingTheEmailToAnotherEngineersIsAConflict() throws Exception {
        String taken = "taken-" + UUID.randomUUID() + "@example.com";
        create("Holder", taken);
        String id = create("Other", "other-" + UUID.randomUUID() + "@example.com");
        asAdmin(patch(ENGINEERS + "/" + id).contentType("application/merge-patch+json")
                .content("{\"email\":\"" + taken.toUpperCase() + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void onlyAnAdminChangesOrRemovesEngineers() throws Exception {
        String id = create("Ivy", "ivy-" + UUID.randomUUID() + "@example.com");
        for (String token : new String[] {tokens.salesToken(), tokens.engineerToken(), tokens.partnerToken("acme")}) {
            mvc.perform(patch(ENGINEERS + "/" + id).header("Authorization", bearer(token))
                    .contentType("application/merge-patch+json").content("{\"region\":\"AMER\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(put(ENGINEERS + "/" + id).header("Authorization", bearer(token))
                    .contentType(MediaType.APPLICATION_JSON).content(newEngineer("Ivy", "ivy@example.com")))
                    .andExpect(status().isForbidden());
            mvc.perform(delete(ENGINEERS + "/" + id).header("Authorization", bearer(token)))
                    .andExpect(status().isForbidden());
        }
        asAdmin(get(ENGINEERS + "/" + id)).andExpect(jsonPath("$.region").value("EMEA"))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void anEngineerWithoutDeploymentsIsDeletedAndTheDeletionAnnounced() throws Exception {
        String id = create("Jay", "jay-" + UUID.randomUUID() + "@example.com");
        asAdmin(delete(ENGINEERS + "/" + id)).andExpect(status().isNoContent());
        asAdmin(get(ENGINEERS + "/" + id)).andExpect(status().isNotFound());
        kafka.awaitRecord(EngineerEvents.TOPIC, r -> id.equals(r.key()) && r.value().contains(EngineerEvents.DELETED));
    }

    @Test
    void listFiltersByRegionSkillAndActive() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String skill = "cobol-" + marker;
        String both = createWith("Filter One " + marker, "LATAM", List.of(skill, "linux"), true);
        createWith("Filter Two " + marker, "LATAM", List.of("linux"), true);
        String inactive = createWith("Filter Three " + marker, "latam", List.of(skill.toUpperCase()), false);

        asAdmin(get(ENGINEERS).param("q", marker).param("skill", skill))
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[*].id", contains(both, inactive)));
        asAdmin(get(ENGINEERS).param("q", marker).param("skill", skill).param("active", "true"))
                .andExpect(jsonPath("$.content[*].id", contains(both)));
        asAdmin(get(ENGINEERS).param("q", marker).param("region", "Latam").param("active", "false"))
                .andExpect(jsonPath("$.content[*].id", contains(inactive)));
        asAdmin(get(ENGINEERS).param("q", marker).param("region", "LATAM"))
                .andExpect(jsonPath("$.page.totalElements").value(3));
        asAdmin(get(ENGINEERS).param("active", "maybe")).andExpect(status().isBadRequest());
    }

    @Test
    void listKeepsOnlyTheGivenIdsAndTheOtherFiltersStillApply() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String active = createWith("Ids One " + marker, "EMEA", List.of("linux"), true);
        String inactive = createWith("Ids Two " + marker, "EMEA", List.of("linux"), false);
        createWith("Ids Three " + marker, "EMEA", List.of("linux"), true);

        mvc.perform(get(ENGINEERS).param("id", active, inactive, UUID.randomUUID().toString())
                        .header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[*].id", containsInAnyOrder(active, inactive)));
        asAdmin(get(ENGINEERS).param("id", active, inactive).param("active", "false"))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(inactive));

        ApiChecks.idFilterLimits(mvc, tokens, ENGINEERS, active);
    }

    private String createWith(String name, String region, List<String> skills, boolean active) throws Exception {
        String body = json.writeValueAsString(Map.of("name", name, "email",
                name.replace(' ', '.').toLowerCase() + "@example.com", "region", region, "skills", skills,
                "active", active));
        String created = asAdmin(post(ENGINEERS).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asString();
    }

    private String create(String name, String email) throws Exception {
        String created = asAdmin(post(ENGINEERS).contentType(MediaType.APPLICATION_JSON).content(newEngineer(name, email)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asString();
    }

    private ResultActions asAdmin(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(tokens.adminToken())));
    }

    private static String newEngineer(String name, String email) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email
                + "\",\"region\":\"EMEA\",\"skills\":[\"kubernetes\",\" mysql \",\"kubernetes\"]}";
    }
}
