package ai.dify.delms.customer.customer;

import static ai.dify.delms.customer.customer.NewCustomerBuilder.aCustomer;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestResellers;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of customer-service against every caller, as docs/security.md's roles table says: staff
 * read; admin and sales create and change; only admin deletes; partners only read their own through
 * the partner API; an endpoint without a rule is refused. Each request gets a customer of its own.
 */
@DelmsServiceTest
class CustomerAccessIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> CALLERS = List.of("admin", "sales", "engineer", "partner", "none");
    private static final String MERGE_PATCH = "application/merge-patch+json";

    /** The matrix: a request (given a customer id of the partner's reseller) and the status per caller, in CALLERS order. */
    private record Row(String name, Function<String, MockHttpServletRequestBuilder> request, int... statuses) {
    }

    private static final List<Row> MATRIX = List.of(
            new Row("list", id -> get("/api/v1/customers"), 200, 200, 200, 403, 401),
            new Row("read", id -> get("/api/v1/customers/" + id), 200, 200, 200, 403, 401),
            new Row("create", id -> post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
                    .content(aCustomer().toJson()), 201, 201, 403, 403, 401),
            new Row("replace", id -> put("/api/v1/customers/" + id).contentType(MediaType.APPLICATION_JSON)
                    .content(aCustomer().toJson()), 200, 200, 403, 403, 401),
            new Row("patch", id -> patch("/api/v1/customers/" + id).contentType(MERGE_PATCH)
                    .content("{\"country\":\"NL\"}"), 200, 200, 403, 403, 401),
            new Row("delete", id -> delete("/api/v1/customers/" + id), 204, 403, 403, 403, 401),
            new Row("partner list", id -> get("/api/partner/v1/customers"), 403, 403, 403, 200, 401),
            new Row("partner read", id -> get("/api/partner/v1/customers/" + id), 403, 403, 403, 200, 401),
            new Row("no rule (POST on a customer)", id -> post("/api/v1/customers/" + id)
                    .contentType(MediaType.APPLICATION_JSON).content("{}"), 403, 403, 403, 403, 401));

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    SalesDirectory directory;

    @Test
    void everyEndpointAnswersEveryCallerAsTheRolesTableSays() throws Exception {
        UUID resellerId = UUID.randomUUID();
        String code = "matrix-" + resellerId.toString().substring(0, 8);
        TestResellers.created(kafka, resellerId, code);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> directory.reseller(resellerId).isPresent());
        Map<String, String> tokenOf = new LinkedHashMap<>();
        tokenOf.put("admin", tokens.adminToken());
        tokenOf.put("sales", tokens.salesToken());
        tokenOf.put("engineer", tokens.engineerToken());
        tokenOf.put("partner", tokens.partnerToken(code));

        List<String> mismatches = new ArrayList<>();
        for (Row row : MATRIX) {
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                MockHttpServletRequestBuilder request = row.request().apply(createCustomerOf(resellerId));
                if (tokenOf.containsKey(caller)) {
                    request.header("Authorization", bearer(tokenOf.get(caller)));
                }
                int actual = mvc.perform(request).andReturn().getResponse().getStatus();
                if (actual != row.statuses()[i]) {
                    mismatches.add(row.name() + " as " + caller + ": " + actual + " instead of " + row.statuses()[i]);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private String createCustomerOf(UUID resellerId) throws Exception {
        String body = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(tokens.adminToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(aCustomer().with("resellerId", resellerId.toString()).toJson()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("id").asString();
    }
}
