package ai.dify.delms.sales.salesrep;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
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

import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import ai.dify.delms.sales.SalesApi;
import ai.dify.delms.sales.licenseview.LicenseFeed;
import ai.dify.delms.sales.licenseview.TestLicenses;
import ai.dify.delms.sales.salesrep.internal.SalesRepEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class SalesRepChangesIT {

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
    @Autowired
    LicenseFeed feed;

    @Test
    void putReplacesTheRepBumpsTheVersionAndAnnouncesTheUpdate() throws Exception {
        UUID id = api().rep("Put Me");
        String email = "renamed-" + UUID.randomUUID() + "@example.com";
        asAdmin(put(REPS + "/" + id).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Put Renamed\",\"email\":\"" + email.toUpperCase() + "\",\"region\":\"APAC\",\"active\":true}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value("Put Renamed"))
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.region").value("APAC"))
                .andExpect(jsonPath("$.version").value(1));

        ConsumerRecord<String, String> record = kafka.awaitRecord(SalesRepEvents.TOPIC,
                r -> r.value().contains(SalesRepEvents.UPDATED) && r.key().equals(id.toString()));
        JsonNode data = json.readTree(record.value()).get("data");
        assertThat(data.get("id").asString()).isEqualTo(id.toString());
        assertThat(data.get("name").asString()).isEqualTo("Put Renamed");
        assertThat(data.get("email").asString()).isEqualTo(email);
        assertThat(data.get("region").asString()).isEqualTo("APAC");
        assertThat(data.get("active").asBoolean()).isTrue();
        assertThat(data.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void staleIfMatchIs412AndStaleBodyVersionIs409AndNothingChanges() throws Exception {
        UUID id = api().rep("Stale Rep");
        asAdmin(patch(REPS + "/" + id).contentType("application/merge-patch+json").content("{\"region\":\"NA\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        asAdmin(patch(REPS + "/" + id).header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .content("{\"region\":\"LATAM\"}")).andExpect(status().isPreconditionFailed());
        asAdmin(patch(REPS + "/" + id).contentType("application/merge-patch+json")
                .content("{\"region\":\"LATAM\",\"version\":0}")).andExpect(status().isConflict());
        asAdmin(get(REPS + "/" + id)).andExpect(jsonPath("$.region").value("NA"))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndValidatesTheResult() throws Exception {
        UUID id = api().rep("Patch Rep");
        asAdmin(patch(REPS + "/" + id).contentType("application/merge-patch+json").content("{\"active\":false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.name").value("Patch Rep"));
        asAdmin(patch(REPS + "/" + id).contentType("application/merge-patch+json").content("{\"email\":\"nope\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
        asAdmin(patch(REPS + "/" + id).contentType("application/merge-patch+json").content("{\"name\":null}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void changingToAnotherRepsEmailIsAConflict() throws Exception {
        UUID first = api().rep("First Owner");
        String taken = json.readTree(asAdmin(get(REPS + "/" + first)).andReturn().getResponse().getContentAsString())
                .get("email").asString();
        UUID second = api().rep("Second Owner");
        asAdmin(patch(REPS + "/" + second).contentType("application/merge-patch+json")
                .content("{\"email\":\"" + taken.toUpperCase() + "\"}")).andExpect(status().isConflict());
    }

    @Test
    void onlyAnAdminChangesOrDeletesReps() throws Exception {
        UUID id = api().rep("Guarded Rep");
        for (String token : new String[] {tokens.salesToken(), tokens.engineerToken()}) {
            mvc.perform(patch(REPS + "/" + id).header("Authorization", bearer(token))
                    .contentType("application/merge-patch+json").content("{\"region\":\"NA\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(delete(REPS + "/" + id).header("Authorization", bearer(token)))
                    .andExpect(status().isForbidden());
        }
        asAdmin(get(REPS + "/" + id)).andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void unreferencedRepIsDeleted() throws Exception {
        UUID id = api().rep("Short Lived");
        asAdmin(delete(REPS + "/" + id)).andExpect(status().isNoContent());
        asAdmin(get(REPS + "/" + id)).andExpect(status().isNotFound());
        kafka.awaitRecord(SalesRepEvents.TOPIC,
                r -> r.value().contains(SalesRepEvents.DELETED) && r.key().equals(id.toString()));
    }

    @Test
    void repNamedByALicenseIsDeactivatedNotDeleted() throws Exception {
        UUID id = api().rep("Licensed Rep");
        new TestLicenses(kafka, feed).created(TestLicenses.license().withRep(id));
        asAdmin(delete(REPS + "/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        asAdmin(get(REPS + "/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
    }

    @Test
    void repNamedByACustomerIsDeactivatedNotDeleted() throws Exception {
        UUID id = api().rep("Customer Rep");
        UUID customer = UUID.randomUUID();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", customer.toString());
        data.put("name", "Customer " + customer);
        data.put("salesRepId", id.toString());
        kafka.send(DelmsTopics.CUSTOMERS, customer.toString(), TestEvents.event("delms.customer.created.v1",
                customer.toString()).source("/delms/customer-service").data(data).toJson());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from customer_ref where sales_rep_id = ?", Long.class, id.toString()) == 1);
        asAdmin(delete(REPS + "/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
    }

    /** A customer update delivered after the customer's deletion does not make it name the rep again. */
    @Test
    void aCustomerUpdateArrivingAfterItsDeletionNamesTheRepNoMore() throws Exception {
        UUID id = api().rep("Former Customer Rep");
        UUID customer = UUID.randomUUID();
        sendCustomer("delms.customer.created.v1", customer, id, 0);
        sendCustomer("delms.customer.deleted.v1", customer, id, 2);
        TestEvents late = sendCustomer("delms.customer.updated.v1", customer, id, 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id = ?", Long.class, late.id()) == 1);

        assertThat(jdbc.queryForObject("select count(*) from customer_ref where sales_rep_id = ?", Long.class,
                id.toString())).isZero();
        asAdmin(delete(REPS + "/" + id)).andExpect(status().isNoContent());
    }

    private TestEvents sendCustomer(String type, UUID customer, UUID rep, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", customer.toString());
        data.put("name", "Customer " + customer);
        data.put("salesRepId", rep.toString());
        data.put("version", version);
        TestEvents event = TestEvents.event(type, customer.toString()).source("/delms/customer-service").data(data);
        kafka.send(DelmsTopics.CUSTOMERS, customer.toString(), event.toJson());
        return event;
    }

    private SalesApi api() {
        return new SalesApi(mvc, tokens, json);
    }

    private ResultActions asAdmin(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(tokens.adminToken())));
    }
}
