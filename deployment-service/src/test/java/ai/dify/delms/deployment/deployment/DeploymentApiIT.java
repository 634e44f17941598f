package ai.dify.delms.deployment.deployment;

import static ai.dify.delms.deployment.DeploymentTestData.DEPLOYMENTS;
import static ai.dify.delms.deployment.DeploymentTestData.ENGINEERS;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ai.dify.delms.deployment.DeploymentTestData;
import ai.dify.delms.deployment.deployment.internal.DeploymentEvents;
import ai.dify.delms.deployment.deployment.internal.DeploymentService;
import ai.dify.delms.deployment.deployment.internal.DeploymentStatus;
import ai.dify.delms.platform.test.ApiChecks;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.json.JsonMapper;

/** Scheduling rules, plan changes, lists, removal and who may do what. */
@DelmsServiceTest
class DeploymentApiIT {

    private static final LocalDate NEXT_WEEK = LocalDate.now().plusDays(7);
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
    DeploymentService deployments;

    DeploymentTestData data;
    String engineerId;

    @BeforeEach
    void setUp() throws Exception {
        data = new DeploymentTestData(mvc, tokens, kafka, jdbc, json);
        engineerId = data.engineer("Erin Deployer");
    }

    @Test
    void concurrentSchedulesForOneLicenseGiveExactlyOneDeployment() throws Exception {
        String licenseId = data.license();
        int requests = 8;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Map<String, Object> plan = data.plan(licenseId, engineerId, NEXT_WEEK.plusDays(i));
                calls.add(() -> {
                    start.await();
                    return data.schedule(tokens.engineerToken(), plan).andReturn().getResponse().getStatus();
                });
            }
            List<Future<Integer>> results = new ArrayList<>();
            calls.forEach(call -> results.add(pool.submit(call)));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from deployment where license_id = ?", Long.class, licenseId))
                .isEqualTo(1);
        // the refused ones rolled back with their history entry and their event
        assertThat(jdbc.queryForObject("select count(*) from deployment_history h join deployment d"
                + " on d.id = h.deployment_id where d.license_id = ?", Long.class, licenseId)).isEqualTo(1);
        kafka.awaitRecord(DeploymentEvents.TOPIC,
                r -> licenseId.equals(r.key()) && r.value().contains(DeploymentEvents.SCHEDULED));
    }

    @Test
    void invalidScheduleIsRefusedWithFieldErrorsAndNothingIsWritten() throws Exception {
        String licenseId = data.license();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("licenseId", " ");
        bad.put("engineerId", "not-a-uuid");
        bad.put("scheduledDate", "next tuesday");
        bad.put("environment", "MAINFRAME");
        bad.put("productVersion", "");
        bad.put("notes", "x".repeat(10_001));
        for (Map.Entry<String, Object> entry : bad.entrySet()) {
            Map<String, Object> body = data.plan(licenseId, engineerId, NEXT_WEEK);
            body.put(entry.getKey(), entry.getValue());
            data.schedule(tokens.adminToken(), body)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(entry.getKey()));
        }
        Map<String, Object> missing = data.plan(licenseId, engineerId, NEXT_WEEK);
        missing.remove("scheduledDate");
        missing.remove("environment");
        data.schedule(tokens.adminToken(), missing).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("scheduledDate", "environment")));
        assertThat(jdbc.queryForObject("select count(*) from deployment where license_id = ?", Long.class, licenseId))
                .isZero();
    }

    @Test
    void aLicenseNotKnownHereCannotBeCheckedWithoutLicenseServiceAndNothingIsScheduled() throws Exception {
        // license-service has no instance in this test's discovery: it cannot be asked about the license
        data.schedule(tokens.adminToken(), data.plan("ENT-209912-000001", engineerId, NEXT_WEEK))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:delms:problem:unavailable"))
                .andExpect(jsonPath("$.detail").value(containsString("license ENT-209912-000001 could not be checked")))
                .andExpect(jsonPath("$.detail").value(containsString("license-service")));
        assertThat(jdbc.queryForObject("select count(*) from deployment where license_id = ?", Integer.class,
                "ENT-209912-000001")).isZero();
    }

    @Test
    void aLicenseIdOfAnotherShapeIs400WithoutAskingLicenseService() throws Exception {
        // a NUL or a line break would reach license-service in a path it refuses: "could not be checked" (503)
        for (String notALicenseId : new String[] {"fu\u0000zz", "a\u2028b\r\nc", "ENT-2025-1", "../licenses"}) {
            data.schedule(tokens.adminToken(), data.plan(notALicenseId, engineerId, NEXT_WEEK))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("licenseId"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("License ID")));
        }
        assertThat(jdbc.queryForObject("select count(*) from deployment where license_id not like '___-______-______'",
                Integer.class)).isZero();
    }

    @Test
    void terminatedLicenseAndUnknownOrInactiveEngineerAre422() throws Exception {
        String licenseId = data.license();
        data.schedule(tokens.adminToken(), data.plan(licenseId, "00000000-0000-0000-0000-000000000000", NEXT_WEEK))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("engineerId"));
        String inactive = data.engineer("Ina Active");
        asAdmin(patch(ENGINEERS + "/" + inactive).contentType(MERGE_PATCH).content("{\"active\":false}"))
                .andExpect(status().isOk());
        data.schedule(tokens.adminToken(), data.plan(licenseId, inactive, NEXT_WEEK))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("engineerId"));

        String terminated = data.license();
        data.licenseStatus(terminated, "CREATED", "TERMINATED");
        data.schedule(tokens.adminToken(), data.plan(terminated, engineerId, NEXT_WEEK))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("licenseId"));
        String suspended = data.license();
        data.licenseStatus(suspended, "CREATED", "SUSPENDED");
        data.scheduled(suspended, engineerId, NEXT_WEEK);
    }

    @Test
    void planOfAScheduledDeploymentChangesWithOptimisticLockingAndIsAnnounced() throws Exception {
        String licenseId = data.license();
        String id = data.scheduled(licenseId, engineerId, NEXT_WEEK);
        String other = data.engineer("Otto Other");

        asAdmin(patch(DEPLOYMENTS + "/" + id).header("If-Match", "\"0\"").contentType(MERGE_PATCH)
                .content("{\"engineerId\":\"" + other + "\",\"scheduledDate\":\"" + NEXT_WEEK.plusDays(3)
                        + "\",\"notes\":null}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.engineerId").value(other))
                .andExpect(jsonPath("$.engineerName").value("Otto Other"))
                .andExpect(jsonPath("$.scheduledDate").value(NEXT_WEEK.plusDays(3).toString()))
                .andExpect(jsonPath("$.productVersion").value("7.2.1"))
                .andExpect(jsonPath("$.notes").doesNotExist());
        kafka.awaitRecord(DeploymentEvents.TOPIC, r -> licenseId.equals(r.key())
                && r.value().contains(DeploymentEvents.UPDATED) && r.value().contains("Otto Other"));

        asAdmin(patch(DEPLOYMENTS + "/" + id).header("If-Match", "\"0\"").contentType(MERGE_PATCH)
                .content("{\"productVersion\":\"8.0\"}"))
                .andExpect(status().isPreconditionFailed());
        Map<String, Object> body = new LinkedHashMap<>(Map.of("engineerId", engineerId,
                "scheduledDate", NEXT_WEEK.toString(), "environment", "PUBLIC_CLOUD", "productVersion", "8.0"));
        body.put("version", 0);
        asEngineer(put(DEPLOYMENTS + "/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andExpect(status().isConflict());
        body.put("version", 1);
        body.put("licenseId", "ENT-202503-999999");
        asEngineer(put(DEPLOYMENTS + "/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("licenseId"));
        body.put("licenseId", licenseId);
        asEngineer(put(DEPLOYMENTS + "/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andExpect(status().isOk())
                .andExpect(jsonPath("$.environment").value("PUBLIC_CLOUD"))
                .andExpect(jsonPath("$.productVersion").value("8.0"))
                .andExpect(jsonPath("$.version").value(2));

        data.moved(id, "IN_PROGRESS", null);
        asAdmin(patch(DEPLOYMENTS + "/" + id).contentType(MERGE_PATCH).content("{\"productVersion\":\"9.0\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("IN_PROGRESS"));
        asAdmin(get(DEPLOYMENTS + "/" + id)).andExpect(jsonPath("$.productVersion").value("8.0"));
    }

    @Test
    void listFiltersByLicenseEngineerStatusAndScheduledDate() throws Exception {
        String otherEngineer = data.engineer("Lou Lister");
        LocalDate base = LocalDate.of(2031, 5, 10);
        String a = data.scheduled(data.license(), engineerId, base);
        String b = data.scheduled(data.license(), otherEngineer, base.plusDays(5));
        String c = data.scheduled(data.license(), otherEngineer, base.plusDays(10));
        data.moved(c, "IN_PROGRESS", null);

        asAdmin(get(DEPLOYMENTS).param("from", base.toString()).param("to", base.plusDays(10).toString())
                .param("sort", "scheduledDate,asc"))
                .andExpect(jsonPath("$.content[*].id", contains(a, b, c)));
        asAdmin(get(DEPLOYMENTS).param("engineerId", otherEngineer).param("from", base.toString()))
                .andExpect(jsonPath("$.content[*].id", contains(c, b)));
        asAdmin(get(DEPLOYMENTS).param("status", "IN_PROGRESS").param("from", base.toString())
                .param("to", base.plusDays(10).toString()))
                .andExpect(jsonPath("$.content[*].id", contains(c)));
        asAdmin(get(DEPLOYMENTS).param("from", base.plusDays(1).toString()).param("to", base.plusDays(9).toString()))
                .andExpect(jsonPath("$.content[*].id", contains(b)));
        asAdmin(get(DEPLOYMENTS).param("from", base.toString()).param("to", base.plusDays(10).toString())
                .param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.page.totalPages").value(2))
                .andExpect(jsonPath("$.content[*].id", contains(a)));

        asAdmin(get(DEPLOYMENTS).param("from", "2031-05-10").param("to", "2031-05-01"))
                .andExpect(status().isBadRequest());
        asAdmin(get(DEPLOYMENTS).param("status", "DONE")).andExpect(status().isBadRequest());
        asAdmin(get(DEPLOYMENTS).param("size", "201")).andExpect(status().isBadRequest());
        asAdmin(get(DEPLOYMENTS).param("sort", "nope,asc")).andExpect(status().isBadRequest());
    }

    @Test
    void everyStaffRoleReadsAndPartnersDoNot() throws Exception {
        ApiChecks.staffReadablePagedList(mvc, tokens, DEPLOYMENTS);
        String id = data.scheduled(data.license(), engineerId, NEXT_WEEK);
        mvc.perform(get(DEPLOYMENTS + "/" + id).header("Authorization", bearer(tokens.partnerToken("acme"))))
                .andExpect(status().isForbidden());
        mvc.perform(get(DEPLOYMENTS + "/" + id + "/history")).andExpect(status().isUnauthorized());
    }

    @Test
    void salesMayScheduleButNotChangeOrMoveOrDelete() throws Exception {
        String licenseId = data.license();
        String created = data.schedule(tokens.salesToken(), data.plan(licenseId, engineerId, NEXT_WEEK))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.createdBy").value("bob"))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(created).get("id").asString();
        String sales = bearer(tokens.salesToken());

        data.move(tokens.salesToken(), id, "IN_PROGRESS", null).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(patch(DEPLOYMENTS + "/" + id).header("Authorization", sales).contentType(MERGE_PATCH)
                .content("{\"productVersion\":\"9\"}")).andExpect(status().isForbidden());
        mvc.perform(put(DEPLOYMENTS + "/" + id).header("Authorization", sales)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(delete(DEPLOYMENTS + "/" + id).header("Authorization", sales)).andExpect(status().isForbidden());
        asAdmin(get(DEPLOYMENTS + "/" + id)).andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void partnersAndAnonymousCallersChangeNothing() throws Exception {
        String licenseId = data.license();
        data.schedule(tokens.partnerToken("acme"), data.plan(licenseId, engineerId, NEXT_WEEK))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(DEPLOYMENTS)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(data.plan(licenseId, engineerId, NEXT_WEEK))))
                .andExpect(status().isUnauthorized());
        String id = data.scheduled(licenseId, engineerId, NEXT_WEEK);
        data.move(tokens.partnerToken("acme"), id, "IN_PROGRESS", null).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from deployment where license_id = ?", Long.class, licenseId))
                .isEqualTo(1);
    }

    @Test
    void onlyAnAdminDeletesADeploymentWhichTakesItsHistoryAlong() throws Exception {
        String licenseId = data.license();
        String id = data.scheduled(licenseId, engineerId, NEXT_WEEK);
        asEngineer(delete(DEPLOYMENTS + "/" + id)).andExpect(status().isForbidden());

        asAdmin(delete(DEPLOYMENTS + "/" + id)).andExpect(status().isNoContent());
        asAdmin(get(DEPLOYMENTS + "/" + id)).andExpect(status().isNotFound());
        asAdmin(get(DEPLOYMENTS + "/" + id + "/history")).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from deployment_history where deployment_id = ?", Long.class,
                id)).isZero();
        kafka.awaitRecord(DeploymentEvents.TOPIC,
                r -> licenseId.equals(r.key()) && r.value().contains(DeploymentEvents.DELETED));
        data.scheduled(licenseId, engineerId, NEXT_WEEK);
    }

    @Test
    void removingAnEngineerWithDeploymentsDeactivatesThem() throws Exception {
        String engineer = data.engineer("Kim Kept");
        data.scheduled(data.license(), engineer, NEXT_WEEK);

        asAdmin(delete(ENGINEERS + "/" + engineer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        asAdmin(get(ENGINEERS + "/" + engineer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        data.schedule(tokens.adminToken(), data.plan(data.license(), engineer, NEXT_WEEK))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void unknownDeploymentIs404() throws Exception {
        asAdmin(get(DEPLOYMENTS + "/00000000-0000-0000-0000-000000000000")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        data.move(tokens.engineerToken(), "00000000-0000-0000-0000-000000000000", "IN_PROGRESS", null)
                .andExpect(status().isNotFound());
    }

    @Test
    void theServiceItselfRefusesMovesBySalesWhateverTheUrlRulesSay() throws Exception {
        String id = data.scheduled(data.license(), engineerId, NEXT_WEEK);
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("bob", "n/a", "ROLE_sales"));
        try {
            assertThatThrownBy(() -> deployments.transition(UUID.fromString(id), DeploymentStatus.IN_PROGRESS, null,
                    null, "bob")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> deployments.delete(UUID.fromString(id), null, "bob"))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
        asAdmin(get(DEPLOYMENTS + "/" + id)).andExpect(jsonPath("$.status").value("SCHEDULED"));
    }

    @Test
    void openApiDocumentDescribesTheDeploymentEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/deployments'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/deployments'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/deployments/{id}'].patch").exists())
                .andExpect(jsonPath("$.paths['/api/v1/deployments/{id}'].delete").exists())
                .andExpect(jsonPath("$.paths['/api/v1/deployments/{id}/transitions'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/deployments/{id}/history'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/stats/deployments'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/engineers/{id}'].delete").exists());
    }

    private ResultActions asAdmin(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(tokens.adminToken())));
    }

    private ResultActions asEngineer(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(tokens.engineerToken())));
    }

    /** Every write operation of the service's OpenAPI document, refused before it runs (docs/security.md). */
    @Test
    void everyWriteOperationRefusesAnUnacceptableAcceptBeforeRunning() throws Exception {
        assertThat(ApiChecks.writesRefuseAnUnacceptableAcceptBeforeRunning(mvc, tokens))
                .contains("POST /api/v1/deployments",
                        "PUT /api/v1/deployments/{id}",
                        "PATCH /api/v1/deployments/{id}",
                        "POST /api/v1/deployments/{id}/transitions",
                        "POST /api/v1/engineers",
                        "PUT /api/v1/engineers/{id}",
                        "PATCH /api/v1/engineers/{id}");
    }
}
