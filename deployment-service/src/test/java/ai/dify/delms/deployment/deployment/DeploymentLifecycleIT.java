package ai.dify.delms.deployment.deployment;

import static ai.dify.delms.deployment.DeploymentTestData.DEPLOYMENTS;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.deployment.DeploymentTestData;
import ai.dify.delms.deployment.deployment.internal.DeploymentEvents;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every transition of a deployment: its effect, its history entry and its event. */
@DelmsServiceTest
class DeploymentLifecycleIT {

    private static final LocalDate NEXT_WEEK = LocalDate.now().plusDays(7);

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

    DeploymentTestData data;
    String engineerId;

    @BeforeEach
    void setUp() throws Exception {
        data = new DeploymentTestData(mvc, tokens, kafka, jdbc, json);
        engineerId = data.engineer("Erin Deployer");
    }

    @Test
    void scheduledStartedAndCompletedDeploymentIsRecordedAndAnnouncedKeyedByLicense() throws Exception {
        String licenseId = data.license();
        String created = data.schedule(tokens.engineerToken(), data.plan(licenseId, engineerId, NEXT_WEEK))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("http://localhost" + DEPLOYMENTS + "/")))
                .andExpect(header().string("ETag", "\"0\""))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(created).get("id").asString();
        mvc.perform(get(DEPLOYMENTS + "/" + id).header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.licenseId").value(licenseId))
                .andExpect(jsonPath("$.engineerId").value(engineerId))
                .andExpect(jsonPath("$.engineerName").value("Erin Deployer"))
                .andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.scheduledDate").value(NEXT_WEEK.toString()))
                .andExpect(jsonPath("$.environment").value("PRIVATE_CLOUD"))
                .andExpect(jsonPath("$.productVersion").value("7.2.1"))
                .andExpect(jsonPath("$.createdBy").value("erin"))
                .andExpect(jsonPath("$.startedAt").value(nullValue()));

        data.move(tokens.engineerToken(), id, "IN_PROGRESS", "on site").andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.startedAt").value(notNullValue()));
        data.move(tokens.adminToken(), id, "COMPLETED", "all green").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.completedAt").value(notNullValue()))
                .andExpect(jsonPath("$.updatedBy").value("alice"))
                .andExpect(jsonPath("$.version").value(2));

        mvc.perform(get(DEPLOYMENTS + "/" + id + "/history").header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].from", contains(null, "SCHEDULED", "IN_PROGRESS")))
                .andExpect(jsonPath("$[*].to", contains("SCHEDULED", "IN_PROGRESS", "COMPLETED")))
                .andExpect(jsonPath("$[*].actor", contains("erin", "erin", "alice")))
                .andExpect(jsonPath("$[*].note", contains("first install", "on site", "all green")))
                .andExpect(jsonPath("$[2].at").value(notNullValue()));

        JsonNode scheduled = event(licenseId, DeploymentEvents.SCHEDULED);
        assertThat(scheduled.get("subject").asString()).isEqualTo(id);
        assertThat(scheduled.get("source").asString()).isEqualTo("/delms/deployment-service");
        assertThat(scheduled.get("data").get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(event(licenseId, DeploymentEvents.STARTED).get("data").get("startedAt").isNull()).isFalse();
        JsonNode completed = event(licenseId, DeploymentEvents.COMPLETED).get("data");
        assertThat(completed.get("deploymentId").asString()).isEqualTo(id);
        assertThat(completed.get("licenseId").asString()).isEqualTo(licenseId);
        assertThat(completed.get("engineerId").asString()).isEqualTo(engineerId);
        assertThat(completed.get("engineerName").asString()).isEqualTo("Erin Deployer");
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("scheduledDate").asString()).isEqualTo(NEXT_WEEK.toString());
        assertThat(completed.get("completedAt").asString()).isNotBlank();
        assertThat(completed.get("environment").asString()).isEqualTo("PRIVATE_CLOUD");
        assertThat(completed.get("productVersion").asString()).isEqualTo("7.2.1");
        assertThat(completed.get("actor").asString()).isEqualTo("alice");
    }

    @Test
    void failingNeedsAReasonWhichIsKeptAndAnnounced() throws Exception {
        String licenseId = data.license();
        String id = data.scheduled(licenseId, engineerId, NEXT_WEEK);
        data.moved(id, "IN_PROGRESS", null);

        data.move(tokens.engineerToken(), id, "FAILED", null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(storedStatus(id)).isEqualTo("IN_PROGRESS");

        data.move(tokens.engineerToken(), id, "FAILED", "database version too old").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.failedAt").value(notNullValue()))
                .andExpect(jsonPath("$.failureReason").value("database version too old"));
        mvc.perform(get(DEPLOYMENTS + "/" + id + "/history").header("Authorization", bearer(tokens.engineerToken())))
                .andExpect(jsonPath("$[2].to").value("FAILED"))
                .andExpect(jsonPath("$[2].note").value("database version too old"));
        JsonNode failed = event(licenseId, DeploymentEvents.FAILED).get("data");
        assertThat(failed.get("failureReason").asString()).isEqualTo("database version too old");
    }

    @Test
    void cancelledDeploymentFreesTheLicenseForAnotherOne() throws Exception {
        String licenseId = data.license();
        String id = data.scheduled(licenseId, engineerId, NEXT_WEEK);
        data.schedule(tokens.adminToken(), data.plan(licenseId, engineerId, NEXT_WEEK.plusDays(1)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.activeDeploymentId").value(id));

        data.move(tokens.engineerToken(), id, "CANCELLED", "customer postponed").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancelledAt").value(notNullValue()));
        assertThat(event(licenseId, DeploymentEvents.CANCELLED).get("data").get("note").asString())
                .isEqualTo("customer postponed");

        data.scheduled(licenseId, engineerId, NEXT_WEEK.plusDays(1));
    }

    @Test
    void aLicenseCanBeRedeployedOnceItsDeploymentEnded() throws Exception {
        String licenseId = data.license();
        String first = data.scheduled(licenseId, engineerId, NEXT_WEEK);
        data.moved(first, "IN_PROGRESS", null);
        data.schedule(tokens.adminToken(), data.plan(licenseId, engineerId, NEXT_WEEK))
                .andExpect(status().isConflict());
        data.moved(first, "COMPLETED", null);

        String second = data.scheduled(licenseId, engineerId, NEXT_WEEK.plusMonths(1));
        mvc.perform(get(DEPLOYMENTS).param("licenseId", licenseId).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[*].id", contains(second, first)));
    }

    @Test
    void illegalMovesAre409NamingTheCurrentStatusAndTheAllowedOnes() throws Exception {
        String id = data.scheduled(data.license(), engineerId, NEXT_WEEK);
        data.move(tokens.engineerToken(), id, "COMPLETED", null)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.currentStatus").value("SCHEDULED"))
                .andExpect(jsonPath("$.allowedTransitions", contains("CANCELLED", "IN_PROGRESS")));
        data.move(tokens.engineerToken(), id, "SCHEDULED", null).andExpect(status().isConflict());

        data.moved(id, "IN_PROGRESS", null);
        data.move(tokens.engineerToken(), id, "CANCELLED", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.allowedTransitions", contains("COMPLETED", "FAILED")));

        data.moved(id, "COMPLETED", null);
        for (String to : List.of("IN_PROGRESS", "FAILED", "CANCELLED", "COMPLETED")) {
            data.move(tokens.engineerToken(), id, to, "again")
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.currentStatus").value("COMPLETED"))
                    .andExpect(jsonPath("$.allowedTransitions", empty()));
        }
        assertThat(jdbc.queryForObject("select count(*) from deployment_history where deployment_id = ?", Long.class,
                id)).isEqualTo(3);
        data.move(tokens.engineerToken(), id, "DONE", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void aDeploymentOfALicenseTerminatedMeanwhileCanOnlyBeCancelledOrFailed() throws Exception {
        String licenseId = data.license();
        String waiting = data.scheduled(licenseId, engineerId, NEXT_WEEK);
        data.licenseStatus(licenseId, "CREATED", "TERMINATED");

        data.move(tokens.engineerToken(), waiting, "IN_PROGRESS", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.licenseStatus").value("TERMINATED"));
        data.move(tokens.engineerToken(), waiting, "CANCELLED", "license terminated").andExpect(status().isOk());

        String other = data.license();
        String running = data.scheduled(other, engineerId, NEXT_WEEK);
        data.moved(running, "IN_PROGRESS", null);
        data.licenseStatus(other, "CREATED", "TERMINATED");
        data.move(tokens.engineerToken(), running, "COMPLETED", null).andExpect(status().isConflict());
        data.move(tokens.engineerToken(), running, "FAILED", "license terminated").andExpect(status().isOk());
    }

    @Test
    void staleIfMatchOnATransitionIs412() throws Exception {
        String id = data.scheduled(data.license(), engineerId, NEXT_WEEK);
        data.moved(id, "IN_PROGRESS", null);
        mvc.perform(post(DEPLOYMENTS + "/" + id + "/transitions").header("If-Match", "\"0\"")
                        .header("Authorization", bearer(tokens.engineerToken()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"COMPLETED\"}"))
                .andExpect(status().isPreconditionFailed());
        assertThat(storedStatus(id)).isEqualTo("IN_PROGRESS");
    }

    private String storedStatus(String id) {
        return jdbc.queryForObject("select status from deployment where id = ?", String.class, id);
    }

    private JsonNode event(String licenseId, String type) {
        ConsumerRecord<String, String> record = kafka.awaitRecord(DeploymentEvents.TOPIC,
                r -> licenseId.equals(r.key()) && type.equals(json.readTree(r.value()).get("type").asString()));
        return json.readTree(record.value());
    }
}
