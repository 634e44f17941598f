package ai.dify.delms.license.license;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
class LicenseTransitionsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    TestKafka kafka;
    @Autowired
    KnownCustomers knownCustomers;

    private LicenseTestClient api;
    private String customerId;

    @BeforeEach
    void setUp() {
        api = new LicenseTestClient(mvc);
        customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
    }

    /** A license in {@code status}, put there the way the automatic flows would leave it. */
    private String licenseIn(LicenseStatus status) throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId));
        jdbc.update("update license set status = ? where id = ?", status.name(), id);
        return id;
    }

    private String statusOf(String id) {
        return jdbc.queryForObject("select status from license where id = ?", String.class, id);
    }

    private int changesOf(String id) {
        return jdbc.queryForObject("select count(*) from license_change where license_id = ?", Integer.class, id);
    }

    @Test
    void adminSuspendsAndReinstatesToThePreviousStatus() throws Exception {
        String id = licenseIn(LicenseStatus.IN_USE);
        api.transition(tokens.tokenFor("alice", "admin"), id, "SUSPENDED", "unpaid invoice")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.updatedBy").value("alice"));

        api.transition(tokens.tokenFor("bob", "sales"), id, "IN_USE", "invoice paid")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.status").value("IN_USE"));

        api.changes(tokens.engineerToken(), id).andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(3))
                .andExpect(jsonPath("$.content[0].field").value("status"))
                .andExpect(jsonPath("$.content[0].oldValue").value("SUSPENDED"))
                .andExpect(jsonPath("$.content[0].newValue").value("IN_USE"))
                .andExpect(jsonPath("$.content[0].actor").value("bob"))
                .andExpect(jsonPath("$.content[0].reason").value("invoice paid"))
                .andExpect(jsonPath("$.content[0].source").value("API"))
                .andExpect(jsonPath("$.content[1].oldValue").value("IN_USE"))
                .andExpect(jsonPath("$.content[1].newValue").value("SUSPENDED"))
                .andExpect(jsonPath("$.content[1].actor").value("alice"))
                .andExpect(jsonPath("$.content[1].reason").value("unpaid invoice"))
                .andExpect(jsonPath("$.content[2].newValue").value("CREATED"))
                .andExpect(jsonPath("$.content[2].reason").value("created"));
    }

    @Test
    void everyWorkingStatusCanBeSuspendedAndTerminated() throws Exception {
        for (LicenseStatus from : new LicenseStatus[] {LicenseStatus.CREATED, LicenseStatus.DEPLOYED,
                LicenseStatus.IN_USE, LicenseStatus.RENEWED}) {
            String suspended = licenseIn(from);
            api.transition(tokens.salesToken(), suspended, "SUSPENDED", "check").andExpect(status().isOk());
            assertThat(statusOf(suspended)).isEqualTo("SUSPENDED");
            api.transition(tokens.adminToken(), suspended, from.name(), "back").andExpect(status().isOk());
            assertThat(statusOf(suspended)).isEqualTo(from.name());

            String terminated = licenseIn(from);
            api.transition(tokens.adminToken(), terminated, "TERMINATED", "contract ended").andExpect(status().isOk());
            assertThat(statusOf(terminated)).isEqualTo("TERMINATED");
        }
        String expired = licenseIn(LicenseStatus.EXPIRED);
        api.transition(tokens.adminToken(), expired, "TERMINATED", "not renewed").andExpect(status().isOk());
        String suspended = licenseIn(LicenseStatus.IN_USE);
        api.transition(tokens.adminToken(), suspended, "SUSPENDED", "fraud").andExpect(status().isOk());
        api.transition(tokens.adminToken(), suspended, "TERMINATED", "fraud confirmed").andExpect(status().isOk());
        assertThat(statusOf(suspended)).isEqualTo("TERMINATED");
    }

    @Test
    void terminatedIsFinalAndTheConflictSaysWhatIsAllowed() throws Exception {
        String id = licenseIn(LicenseStatus.IN_USE);
        api.transition(tokens.adminToken(), id, "TERMINATED", "contract ended").andExpect(status().isOk());
        int changes = changesOf(id);
        for (String to : new String[] {"SUSPENDED", "TERMINATED", "IN_USE"}) {
            api.transition(tokens.adminToken(), id, to, "try again")
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(containsString("TERMINATED")))
                    .andExpect(jsonPath("$.currentStatus").value("TERMINATED"))
                    .andExpect(jsonPath("$.allowedTransitions.length()").value(0));
        }
        assertThat(statusOf(id)).isEqualTo("TERMINATED");
        assertThat(changesOf(id)).isEqualTo(changes);
    }

    @Test
    void automaticTargetsAndIllegalOnesAreConflicts() throws Exception {
        String id = licenseIn(LicenseStatus.CREATED);
        api.transition(tokens.adminToken(), id, "DEPLOYED", "deployed by hand")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("automatically")))
                .andExpect(jsonPath("$.currentStatus").value("CREATED"))
                .andExpect(jsonPath("$.allowedTransitions", containsInAnyOrder("SUSPENDED", "TERMINATED")));
        String expired = licenseIn(LicenseStatus.EXPIRED);
        api.transition(tokens.adminToken(), expired, "SUSPENDED", "too late")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("EXPIRED")))
                .andExpect(jsonPath("$.allowedTransitions", containsInAnyOrder("TERMINATED")));
        String suspended = licenseIn(LicenseStatus.DEPLOYED);
        api.transition(tokens.adminToken(), suspended, "SUSPENDED", "pause").andExpect(status().isOk());
        api.transition(tokens.adminToken(), suspended, "IN_USE", "not where it was")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("SUSPENDED"))
                .andExpect(jsonPath("$.allowedTransitions", containsInAnyOrder("DEPLOYED", "TERMINATED")));
        api.transition(tokens.adminToken(), suspended, "SUSPENDED", "again").andExpect(status().isConflict());
        assertThat(statusOf(id)).isEqualTo("CREATED");
        assertThat(statusOf(suspended)).isEqualTo("SUSPENDED");
    }

    @Test
    void salesCannotTerminateAndEngineerAndPartnerCannotTransition() throws Exception {
        String id = licenseIn(LicenseStatus.IN_USE);
        api.transition(tokens.salesToken(), id, "TERMINATED", "lost the deal")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        api.transition(tokens.engineerToken(), id, "SUSPENDED", "why not").andExpect(status().isForbidden());
        api.transition(tokens.partnerToken("acme"), id, "SUSPENDED", "why not").andExpect(status().isForbidden());
        assertThat(statusOf(id)).isEqualTo("IN_USE");
        assertThat(changesOf(id)).isEqualTo(1);
    }

    @Test
    void aTransitionNeedsAReasonAndAKnownStatus() throws Exception {
        String id = licenseIn(LicenseStatus.IN_USE);
        api.transition(tokens.adminToken(), id, "SUSPENDED", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api.transition(tokens.adminToken(), id, "SUSPENDED", "x".repeat(501))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api.transition(tokens.adminToken(), id, "REINSTATED", "back")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        api.transition(tokens.adminToken(), "ENT-202001-000001", "SUSPENDED", "who").andExpect(status().isNotFound());
        assertThat(statusOf(id)).isEqualTo("IN_USE");
    }

    @Test
    void statusChangeIsPublishedKeyedByLicenseId() throws Exception {
        String id = licenseIn(LicenseStatus.IN_USE);
        api.transition(tokens.tokenFor("carol", "admin"), id, "SUSPENDED", "audit").andExpect(status().isOk());

        ConsumerRecord<String, String> record = kafka.awaitRecord(LicenseEvents.TOPIC,
                r -> id.equals(r.key()) && r.value().contains(LicenseEvents.STATUS_CHANGED));
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("type").asString()).isEqualTo("delms.license.status-changed.v1");
        assertThat(event.get("source").asString()).isEqualTo("/delms/license-service");
        assertThat(event.get("subject").asString()).isEqualTo(id);
        assertThat(event.get("id").asString()).isNotBlank();
        JsonNode data = event.get("data");
        assertThat(data.get("licenseId").asString()).isEqualTo(id);
        assertThat(data.get("from").asString()).isEqualTo("IN_USE");
        assertThat(data.get("to").asString()).isEqualTo("SUSPENDED");
        assertThat(data.get("reason").asString()).isEqualTo("audit");
        assertThat(data.get("actor").asString()).isEqualTo("carol");
    }

    @Test
    void changeLogOfAnUnknownLicenseIsNotFoundAndNeedsAStaffToken() throws Exception {
        api.changes(tokens.adminToken(), "ENT-202001-000001")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        api.changes(tokens.adminToken(), "nonsense").andExpect(status().isNotFound());
        String id = licenseIn(LicenseStatus.CREATED);
        api.changes(tokens.partnerToken("acme"), id).andExpect(status().isForbidden());
        api.changes(tokens.salesToken(), id).andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].field").value("status"))
                .andExpect(jsonPath("$.content[0].oldValue").value(nullValue()))
                .andExpect(jsonPath("$.content[0].newValue").value("CREATED"))
                .andExpect(jsonPath("$.content[0].actor").isNotEmpty())
                .andExpect(jsonPath("$.content[0].at").isNotEmpty())
                .andExpect(jsonPath("$.content[0].source").value("API"));
    }
}
