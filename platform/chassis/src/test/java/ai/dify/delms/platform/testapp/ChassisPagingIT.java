package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;

/** Hostile paging and sort parameters of a list are 400 problems naming what is wrong, never a 500. */
@DelmsServiceTest
class ChassisPagingIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;

    private ResultActions asAdmin(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(tokens.adminToken())));
    }

    private static ResultActions badRequest(ResultActions result) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aPageWhoseOffsetWouldOverflowIsABadRequest() throws Exception {
        badRequest(asAdmin(get("/api/v1/widgets?page=2147483647")))
                .andExpect(jsonPath("$.detail").value(containsString("'page' must be between 0 and 10000000")));
        badRequest(asAdmin(get("/api/v1/widgets?page=100000000&size=200")));
        badRequest(asAdmin(get("/api/v1/audit?page=2147483647")));
        asAdmin(get("/api/v1/widgets?page=10000000&size=200")).andExpect(status().isOk())
                .andExpect(jsonPath("$.content").isEmpty());
    }

    @Test
    void aSortValueThatIsNotAPropertyNameIsABadRequestNamingSort() throws Exception {
        for (String sort : new String[] {"name;DROP TABLE x", "createdAt) OR 1=1--", "LENGTH(id)", "name,ignorecase",
                "name desc"}) {
            badRequest(asAdmin(get("/api/v1/widgets").param("sort", sort)))
                    .andExpect(jsonPath("$.errors[0].field").value("sort"));
        }
    }

    @Test
    void aListSortsOnlyByItsDeclaredPropertiesAndDirections() throws Exception {
        asAdmin(get("/api/v1/widgets?sort=name,desc&sort=size")).andExpect(status().isOk());
        badRequest(asAdmin(get("/api/v1/widgets?sort=accessToken")))
                .andExpect(jsonPath("$.errors[0].field").value("sort"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("sortable: name, size")));
        badRequest(asAdmin(get("/api/v1/widgets?sort=name,sideways")));
    }

    @Test
    void theAuditLogSortsOnlyByWhenAnEntryOccurred() throws Exception {
        asAdmin(get("/api/v1/audit?sort=occurredAt,asc")).andExpect(status().isOk());
        for (String sort : new String[] {"password", "customer.name", "entityId,desc"}) {
            badRequest(asAdmin(get("/api/v1/audit").param("sort", sort)))
                    .andExpect(jsonPath("$.errors[0].field").value("sort"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("sortable: occurredAt")));
        }
    }

    @Test
    void theOpenApiDocumentNamesTheSortPropertiesAndTheProblemsOfInputAndLockedRows() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/widgets'].get.parameters[?(@.name == 'sort')].description")
                        .value(hasItem(containsString("properties: name, size"))))
                .andExpect(jsonPath("$.paths['/api/v1/widgets'].get.responses['400']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/widgets'].post.responses['400']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/widgets/{id}'].put.responses['503'].description")
                        .value(containsString("locked")));
    }
}
