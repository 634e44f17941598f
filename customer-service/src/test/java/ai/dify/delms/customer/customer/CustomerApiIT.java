package ai.dify.delms.customer.customer;

import static ai.dify.delms.customer.customer.NewCustomerBuilder.aCustomer;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ai.dify.delms.platform.test.ApiChecks;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;

@DelmsServiceTest
class CustomerApiIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcTemplate jdbc;

    private ResultActions create(String token, NewCustomerBuilder customer) throws Exception {
        return mvc.perform(post("/api/v1/customers").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(customer.toJson()));
    }

    private int customersNamed(String name) {
        return jdbc.queryForObject("select count(*) from customer where name = ?", Integer.class, name);
    }

    @Test
    void listWithoutTokenIsUnauthorized() throws Exception {
        mvc.perform(get("/api/v1/customers"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void everyStaffRoleReadsPartnerTokenIsForbidden() throws Exception {
        for (String token : new String[] {tokens.adminToken(), tokens.salesToken(), tokens.engineerToken()}) {
            mvc.perform(get("/api/v1/customers").header("Authorization", bearer(token)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content").isArray())
                    .andExpect(jsonPath("$.page.size").value(20));
        }
        mvc.perform(get("/api/v1/customers").header("Authorization", bearer(tokens.partnerToken("acme"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void salesCreatesCustomerWithLocationAndAudit() throws Exception {
        NewCustomerBuilder customer = aCustomer();
        var created = create(tokens.tokenFor("bob", "sales"), customer)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.containsString("/api/v1/customers/")))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.name").value(customer.name()))
                .andExpect(jsonPath("$.region").value("EMEA"))
                .andExpect(jsonPath("$.licenseCount").value(0))
                .andExpect(jsonPath("$.createdBy").value("bob"))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse();
        String location = created.getHeader("Location");
        String createdAt = com.jayway.jsonpath.JsonPath.read(created.getContentAsString(), "$.createdAt");

        mvc.perform(get(location).header("Authorization", bearer(tokens.engineerToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(customer.name()))
                .andExpect(jsonPath("$.createdAt").value(createdAt))
                .andExpect(jsonPath("$.id").value(location.substring(location.lastIndexOf('/') + 1)));
    }

    @Test
    void engineerCannotCreateCustomer() throws Exception {
        NewCustomerBuilder customer = aCustomer();
        create(tokens.engineerToken(), customer).andExpect(status().isForbidden());
        assertThat(customersNamed(customer.name())).isZero();
    }

    @Test
    void invalidCustomerIsRejectedWithFieldErrorsAndNothingWritten() throws Exception {
        NewCustomerBuilder customer = aCustomer().with("contactEmail", "not-an-email").without("region");
        create(tokens.adminToken(), customer)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'contactEmail')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'region')]").exists());
        assertThat(customersNamed(customer.name())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where envelope like ?", Integer.class,
                "%" + customer.name() + "%")).isZero();
    }

    @Test
    void duplicateNameIgnoringCaseIsConflict() throws Exception {
        NewCustomerBuilder first = aCustomer();
        create(tokens.adminToken(), first).andExpect(status().isCreated());
        create(tokens.adminToken(), aCustomer().with("name", "  " + first.name().toUpperCase() + " "))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already exists")));
        assertThat(jdbc.queryForObject("select count(*) from customer where lower(name) = lower(?)", Integer.class,
                first.name())).isEqualTo(1);
    }

    @Test
    void listFiltersAndPages() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        create(tokens.adminToken(), aCustomer().with("name", "Zeta " + marker).with("region", "APAC"))
                .andExpect(status().isCreated());
        create(tokens.adminToken(), aCustomer().with("name", "Alpha " + marker).with("region", "APAC"))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/customers").param("q", marker.toUpperCase()).param("region", "APAC")
                        .param("sort", "name,asc").header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.content[0].name").value(endsWith(marker)))
                .andExpect(jsonPath("$.content[0].name").value("Alpha " + marker))
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.page.totalPages").value(1));
        mvc.perform(get("/api/v1/customers").param("q", marker).param("country", "DE").param("industry", "Software")
                        .header("Authorization", bearer(tokens.salesToken())))
                .andExpect(jsonPath("$.page.totalElements").value(2));
        mvc.perform(get("/api/v1/customers").param("q", marker).param("country", "FR")
                        .header("Authorization", bearer(tokens.salesToken())))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/customers").param("q", marker).param("industry", "Retail")
                        .header("Authorization", bearer(tokens.salesToken())))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/customers").param("size", "201").header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        ApiChecks.hostilePagingParameters(mvc, tokens, "/api/v1/customers");
    }

    @Test
    void listKeepsOnlyTheGivenIdsAndTheOtherFiltersStillApply() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String apac = idOf(create(tokens.adminToken(), aCustomer().with("name", "Ids A " + marker).with("region", "APAC")));
        String emea = idOf(create(tokens.adminToken(), aCustomer().with("name", "Ids B " + marker).with("region", "EMEA")));
        create(tokens.adminToken(), aCustomer().with("name", "Ids C " + marker)).andExpect(status().isCreated());
        String engineer = bearer(tokens.engineerToken());

        // an unknown id is simply not there; the third customer is not asked for
        mvc.perform(get("/api/v1/customers").param("id", apac, emea, UUID.randomUUID().toString())
                        .header("Authorization", engineer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[*].id", containsInAnyOrder(apac, emea)))
                .andExpect(jsonPath("$.content[0].licenseCount").value(0));
        mvc.perform(get("/api/v1/customers").param("id", apac, emea).param("region", "APAC")
                        .header("Authorization", engineer))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(apac));

        ApiChecks.idFilterLimits(mvc, tokens, "/api/v1/customers", apac);
        // a partner's list has no id filter
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/partner/v1/customers'].get.parameters[?(@.name == 'id')]").isEmpty());
    }

    private static String idOf(ResultActions created) throws Exception {
        return com.jayway.jsonpath.JsonPath.read(created.andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id");
    }

    @Test
    void unknownCustomerIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/customers/" + UUID.randomUUID()).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void openApiDocumentIsServed() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/customers'].post").exists())
                .andExpect(jsonPath("$.paths['/api/partner/v1/customers'].get.description")
                        .value(org.hamcrest.Matchers.containsString("leaves out the owning sales rep")))
                .andExpect(jsonPath("$.paths['/api/partner/v1/customers/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/partner/v1/customers'].get.parameters[?(@.name == 'resellerCode')]")
                        .isEmpty())
                .andExpect(jsonPath("$.components.securitySchemes.bearer-jwt").exists());
    }

    /** Every write operation of the service's OpenAPI document, refused before it runs (docs/security.md). */
    @Test
    void everyWriteOperationRefusesAnUnacceptableAcceptBeforeRunning() throws Exception {
        assertThat(ApiChecks.writesRefuseAnUnacceptableAcceptBeforeRunning(mvc, tokens))
                .contains("POST /api/v1/customers",
                        "PUT /api/v1/customers/{id}",
                        "PATCH /api/v1/customers/{id}");
    }
}
