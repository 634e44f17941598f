package ai.dify.delms.customer.customer;

import static ai.dify.delms.customer.customer.NewCustomerBuilder.aCustomer;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ai.dify.delms.customer.customer.internal.CustomerEvents;
import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.directory.SalesParty;
import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class CustomerUpdateIT {

    private static final String CUSTOMERS = "/api/v1/customers";
    private static final String MERGE_PATCH = "application/merge-patch+json";

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
    SalesDirectory directory;

    @Test
    void putReplacesTheCustomerAndAnnouncesTheUpdate() throws Exception {
        String id = create(aCustomer());
        String name = "Renamed " + UUID.randomUUID();
        as(tokens.salesToken(), put(CUSTOMERS + "/" + id).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content(aCustomer().with("name", name).with("region", "APAC").toJson()))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value(name)).andExpect(jsonPath("$.region").value("APAC"))
                .andExpect(jsonPath("$.version").value(1));

        ConsumerRecord<String, String> record = kafka.awaitRecord(CustomerEvents.TOPIC,
                r -> r.key().equals(id) && r.value().contains(CustomerEvents.UPDATED));
        JsonNode data = json.readTree(record.value()).get("data");
        assertThat(data.get("id").asString()).isEqualTo(id);
        assertThat(data.get("name").asString()).isEqualTo(name);
    }

    @Test
    void patchChangesOnlyTheGivenFieldsWithOptimisticLocking() throws Exception {
        String id = create(aCustomer().with("industry", "Retail"));
        as(tokens.adminToken(), patch(CUSTOMERS + "/" + id).contentType(MERGE_PATCH).content("{\"country\":\"FR\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.country").value("FR"))
                .andExpect(jsonPath("$.industry").value("Retail")).andExpect(jsonPath("$.version").value(1));
        as(tokens.adminToken(), patch(CUSTOMERS + "/" + id).header("If-Match", "\"0\"").contentType(MERGE_PATCH)
                .content("{\"country\":\"IT\"}")).andExpect(status().isPreconditionFailed());
        as(tokens.adminToken(), patch(CUSTOMERS + "/" + id).contentType(MERGE_PATCH)
                .content("{\"country\":\"IT\",\"version\":0}")).andExpect(status().isConflict());
        as(tokens.adminToken(), patch(CUSTOMERS + "/" + id).contentType(MERGE_PATCH)
                .content("{\"contactEmail\":\"not-an-email\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("contactEmail"));
        as(tokens.adminToken(), patch(CUSTOMERS + "/" + id).contentType(MERGE_PATCH).content("{\"industry\":null}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.industry").doesNotExist());
        as(tokens.adminToken(), get(CUSTOMERS + "/" + id)).andExpect(jsonPath("$.country").value("FR"))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void namesAreUniqueIgnoringCaseAndBlanksOnCreateAndUpdate() throws Exception {
        String name = "Unique Corp " + UUID.randomUUID().toString().substring(0, 8);
        create(aCustomer().with("name", name));
        as(tokens.adminToken(), post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON)
                .content(aCustomer().with("name", "  " + name.toUpperCase().replace(" ", "   ") + " ").toJson()))
                .andExpect(status().isConflict());
        String other = create(aCustomer());
        as(tokens.adminToken(), patch(CUSTOMERS + "/" + other).contentType(MERGE_PATCH)
                .content("{\"name\":\"" + name.toLowerCase() + "\"}")).andExpect(status().isConflict());
        assertThat(jdbc.queryForObject("select count(*) from customer where lower(name) = ?", Long.class,
                name.toLowerCase())).isEqualTo(1);
    }

    @Test
    void salesRepAndResellerMustBeKnownAndActiveInTheSalesDirectory() throws Exception {
        UUID rep = UUID.randomUUID();
        UUID reseller = UUID.randomUUID();
        announce("delms.sales-rep.created.v1", rep, Map.of("id", rep, "name", "Known Rep", "email", rep + "@example.com",
                "region", "EMEA", "active", true, "version", 0));
        announce("delms.reseller.created.v1", reseller, Map.of("id", reseller, "code", "r-" + reseller.toString()
                .substring(0, 8), "name", "Known Reseller", "tier", "GOLD", "active", true, "version", 0));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> directory.salesRep(rep).isPresent() && directory.reseller(reseller).isPresent());

        // a rep or reseller the directory does not know is asked of sales-service: UncheckableSalesReferencesIT
        String id = create(aCustomer().with("salesRepId", rep.toString()).with("resellerId", reseller.toString()));

        // a deactivated rep stays on the customers that have it, but cannot be newly assigned
        announce("delms.sales-rep.updated.v1", rep, Map.of("id", rep, "name", "Known Rep", "email", rep + "@example.com",
                "region", "EMEA", "active", false, "version", 1));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !directory.salesRep(rep).map(SalesParty::active).orElse(true));
        as(tokens.salesToken(), patch(CUSTOMERS + "/" + id).contentType(MERGE_PATCH).content("{\"country\":\"NL\"}"))
                .andExpect(status().isOk());
        as(tokens.salesToken(), post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON)
                .content(aCustomer().with("salesRepId", rep.toString()).toJson()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("salesRepId"));
        as(tokens.salesToken(), get(CUSTOMERS).param("resellerId", reseller.toString()))
                .andExpect(jsonPath("$.page.totalElements").value(1)).andExpect(jsonPath("$.content[0].id").value(id));
    }

    @Test
    void engineersCannotChangeCustomers() throws Exception {
        String id = create(aCustomer());
        as(tokens.engineerToken(), patch(CUSTOMERS + "/" + id).contentType(MERGE_PATCH).content("{\"country\":\"NL\"}"))
                .andExpect(status().isForbidden());
        as(tokens.engineerToken(), put(CUSTOMERS + "/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(aCustomer().toJson())).andExpect(status().isForbidden());
        as(tokens.adminToken(), get(CUSTOMERS + "/" + id)).andExpect(jsonPath("$.version").value(0));
    }

    private void announce(String type, UUID id, Map<String, Object> data) {
        kafka.send(DelmsTopics.SALES, id.toString(), TestEvents.event(type, id.toString())
                .source("/delms/sales-service").data(new LinkedHashMap<>(data)).toJson());
    }

    private String create(NewCustomerBuilder customer) throws Exception {
        String body = as(tokens.adminToken(), post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON)
                .content(customer.toJson())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    private ResultActions as(String token, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(token)));
    }
}
