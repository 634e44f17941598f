package ai.dify.delms.license.license;

import static ai.dify.delms.license.license.LicenseTestClient.json;
import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class LicenseUpdateIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    TestKafka kafka;
    @Autowired
    KnownCustomers knownCustomers;
    @Autowired
    ai.dify.delms.platform.directory.SalesDirectory directory;

    private LicenseTestClient api;
    private String customerId;
    private String id;

    @BeforeEach
    void setUp() throws Exception {
        api = new LicenseTestClient(mvc);
        customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
        id = api.create(tokens.adminToken(), aLicenseFor(customerId).with("notes", "first"));
    }

    /** The editable fields as the license has them now. */
    private Map<String, Object> editable() throws Exception {
        JsonNode license = api.readBody(tokens.adminToken(), id);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("salesRepId", "resellerId", "orderDate", "startDate", "expiryDate")) {
            body.put(field, license.get(field).isNull() ? null : license.get(field).asString());
        }
        body.put("authorizedWorkspaces", license.get("authorizedWorkspaces").asInt());
        body.put("authorizedUsers", license.get("authorizedUsers").asInt());
        body.put("notes", license.get("notes").asString());
        return body;
    }

    private Map<String, Object> row() {
        return jdbc.queryForMap("select * from license where id = ?", id);
    }

    private int changes() {
        return jdbc.queryForObject("select count(*) from license_change where license_id = ?", Integer.class, id);
    }

    @Test
    void putChangesOnlyTheChangedFieldsAndLogsEach() throws Exception {
        Map<String, Object> body = editable();
        body.put("authorizedUsers", 250);
        body.put("notes", "upgraded");
        api.put(tokens.tokenFor("bob", "sales"), id, json(body), "\"0\"")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.authorizedUsers").value(250))
                .andExpect(jsonPath("$.notes").value("upgraded"))
                .andExpect(jsonPath("$.authorizedWorkspaces").value(10))
                .andExpect(jsonPath("$.updatedBy").value("bob"))
                .andExpect(jsonPath("$.version").value(1));

        api.changes(tokens.engineerToken(), id).andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(3))
                .andExpect(jsonPath("$.content[?(@.field == 'authorizedUsers')].oldValue").value("200"))
                .andExpect(jsonPath("$.content[?(@.field == 'authorizedUsers')].newValue").value("250"))
                .andExpect(jsonPath("$.content[?(@.field == 'notes')].oldValue").value("first"))
                .andExpect(jsonPath("$.content[?(@.field == 'notes')].newValue").value("upgraded"))
                .andExpect(jsonPath("$.content[?(@.field == 'notes')].actor").value("bob"))
                .andExpect(jsonPath("$.content[?(@.field == 'notes')].source").value("API"))
                .andExpect(jsonPath("$.content[2].field").value("status"));
    }

    @Test
    void updateIsPublishedWithItsChangesAndVersion() throws Exception {
        Map<String, Object> body = editable();
        String rep = new SalesDirectoryFixture(kafka, directory).knownSalesRep().toString();
        body.put("salesRepId", rep);
        api.put(tokens.tokenFor("dora", "admin"), id, json(body), null).andExpect(status().isOk());

        ConsumerRecord<String, String> record = kafka.awaitRecord(LicenseEvents.TOPIC,
                r -> id.equals(r.key()) && r.value().contains(LicenseEvents.UPDATED));
        JsonNode event = jsonMapper.readTree(record.value());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("type").asString()).isEqualTo("delms.license.updated.v1");
        assertThat(event.get("subject").asString()).isEqualTo(id);
        assertThat(event.get("source").asString()).isEqualTo("/delms/license-service");
        JsonNode data = event.get("data");
        assertThat(data.get("licenseId").asString()).isEqualTo(id);
        assertThat(data.get("actor").asString()).isEqualTo("dora");
        assertThat(data.get("version").asLong()).isEqualTo(1);
        assertThat(data.get("changes").size()).isEqualTo(1);
        assertThat(data.get("changes").get(0).get("field").asString()).isEqualTo("salesRepId");
        assertThat(data.get("changes").get(0).get("oldValue").isNull()).isTrue();
        assertThat(data.get("changes").get(0).get("newValue").asString()).isEqualTo(rep);
    }

    @Test
    void patchChangesTheGivenFieldsAndNullClearsAnOptionalOne() throws Exception {
        api.patch(tokens.salesToken(), id, json(Map.of("authorizedWorkspaces", 12)), "\"0\"")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.authorizedWorkspaces").value(12))
                .andExpect(jsonPath("$.authorizedUsers").value(200))
                .andExpect(jsonPath("$.notes").value("first"));
        Map<String, Object> clearNotes = new HashMap<>();
        clearNotes.put("notes", null);
        api.patch(tokens.salesToken(), id, json(clearNotes), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notes").value(nullValue()))
                .andExpect(jsonPath("$.version").value(2));
        assertThat(changes()).isEqualTo(3);
        api.changes(tokens.adminToken(), id)
                .andExpect(jsonPath("$.content[0].field").value("notes"))
                .andExpect(jsonPath("$.content[0].oldValue").value("first"))
                .andExpect(jsonPath("$.content[0].newValue").value(nullValue()))
                .andExpect(jsonPath("$.content[1].field").value("authorizedWorkspaces"));
    }

    @Test
    void anUpdateThatChangesNothingWritesNothing() throws Exception {
        api.put(tokens.adminToken(), id, json(editable()), "\"0\"")
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""));
        api.patch(tokens.adminToken(), id, json(Map.of("notes", "first")), null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(0));
        assertThat(changes()).isEqualTo(1);
        assertThat(row().get("version")).isEqualTo(0L);

        // events of one license arrive in order: once a real update is on the topic, a no-op's would be too
        api.patch(tokens.adminToken(), id, json(Map.of("notes", "second")), null).andExpect(status().isOk());
        kafka.awaitRecord(LicenseEvents.TOPIC, r -> id.equals(r.key()) && r.value().contains("\"second\""));
        assertThat(kafka.records(LicenseEvents.TOPIC).stream()
                .filter(r -> id.equals(r.key()) && r.value().contains(LicenseEvents.UPDATED))).hasSize(1);
    }

    @Test
    void staleIfMatchIsPreconditionFailedAndStaleBodyVersionIsConflict() throws Exception {
        api.patch(tokens.adminToken(), id, json(Map.of("authorizedUsers", 300)), "\"0\"").andExpect(status().isOk());

        api.patch(tokens.adminToken(), id, json(Map.of("authorizedUsers", 400)), "\"0\"")
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        Map<String, Object> body = editable();
        body.put("authorizedUsers", 500);
        api.put(tokens.adminToken(), id, json(body), "\"0\"").andExpect(status().isPreconditionFailed());
        body.put("version", 0);
        api.put(tokens.adminToken(), id, json(body), null)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(row().get("authorized_users")).isEqualTo(300);
        assertThat(changes()).isEqualTo(2);
        body.put("version", 1);
        api.put(tokens.adminToken(), id, json(body), "\"1\"").andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void concurrentUpdatesNeverLoseOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int users = 300 + i;
                calls.add(() -> api.patch(tokens.adminToken(), id, json(Map.of("authorizedUsers", users)), null)
                        .andReturn().getResponse().getStatus());
            }
            int succeeded = 0;
            for (Future<Integer> result : pool.invokeAll(calls)) {
                assertThat(result.get()).isIn(200, 409);
                succeeded += result.get() == 200 ? 1 : 0;
            }
            // every update that was acknowledged is in the log, each on the version it saw
            assertThat(changes()).isEqualTo(1 + succeeded);
            assertThat(((Number) row().get("version")).intValue()).isEqualTo(succeeded);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badValuesAreRejectedPerFieldAndNothingWritten() throws Exception {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("authorizedWorkspaces", 0);
        bad.put("authorizedUsers", -1);
        bad.put("notes", "x".repeat(10_001));
        bad.put("salesRepId", "not-a-uuid");
        bad.put("resellerId", 17);
        bad.put("orderDate", "yesterday");
        bad.put("startDate", "2025-13-01");
        bad.put("expiryDate", "soon");
        for (Map.Entry<String, Object> entry : bad.entrySet()) {
            Map<String, Object> body = editable();
            body.put(entry.getKey(), entry.getValue());
            api.put(tokens.adminToken(), id, json(body), null)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(entry.getKey()));
            api.patch(tokens.adminToken(), id, json(Map.of(entry.getKey(), entry.getValue())), null)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(entry.getKey()));
        }
        Map<String, Object> missing = editable();
        missing.remove("startDate");
        api.put(tokens.adminToken(), id, json(missing), null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("startDate"));
        Map<String, Object> clearRequired = new HashMap<>();
        clearRequired.put("authorizedUsers", null);
        api.patch(tokens.adminToken(), id, json(clearRequired), null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("authorizedUsers"));

        // dates out of order: the creation rules (LicenseTerms), 422 as on create
        api.patch(tokens.adminToken(), id, json(Map.of("expiryDate", LocalDate.now().minusDays(1).toString())), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("expiryDate"));
        api.patch(tokens.adminToken(), id, json(Map.of("orderDate", LocalDate.now().plusDays(1).toString())), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("startDate"));

        assertThat(changes()).isEqualTo(1);
        assertThat(row().get("version")).isEqualTo(0L);
        assertThat(row().get("notes")).isEqualTo("first");
    }

    @Test
    void readOnlyFieldsMayBeRepeatedButNotChanged() throws Exception {
        JsonNode license = api.readBody(tokens.adminToken(), id);
        Map<String, Object> body = editable();
        body.put("id", id);
        body.put("productType", "ENT");
        body.put("status", "CREATED");
        body.put("customerId", customerId);
        body.put("licenseType", "SUBSCRIPTION");
        body.put("overused", false);
        body.put("createdBy", "someone else");
        api.put(tokens.adminToken(), id, json(body), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.createdBy").value(license.get("createdBy").asString()));

        Map<String, Object> changes = Map.of("status", "TERMINATED", "productType", "PRO",
                "customerId", UUID.randomUUID().toString(), "licenseType", "PERPETUAL", "id", "ENT-202001-000001");
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            api.patch(tokens.adminToken(), id, json(Map.of(change.getKey(), change.getValue())), null)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(change.getKey()));
        }
        assertThat(row().get("status")).isEqualTo("CREATED");
        assertThat(row().get("version")).isEqualTo(0L);
    }

    @Test
    void onlyAdminAndSalesUpdate() throws Exception {
        api.put(tokens.engineerToken(), id, json(editable()), null).andExpect(status().isForbidden());
        api.patch(tokens.engineerToken(), id, json(Map.of("notes", "mine")), null).andExpect(status().isForbidden());
        api.patch(tokens.partnerToken("acme"), id, json(Map.of("notes", "mine")), null)
                .andExpect(status().isForbidden());
        api.patch(tokens.adminToken(), "ENT-202001-000001", json(Map.of("notes", "x")), null)
                .andExpect(status().isNotFound());
        assertThat(row().get("notes")).isEqualTo("first");
    }
}
