package ai.dify.delms.platform.test;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Checks that every service's API passes the same way, written once. */
public final class ApiChecks {

    private ApiChecks() {
    }

    /**
     * A staff list endpoint: 401 problem without a token, 403 problem for a partner, and for admin,
     * sales and engineer the paged body {@code {content, page:{number,size,totalElements,totalPages}}}
     * with the default page size of 20.
     */
    public static void staffReadablePagedList(MockMvc mvc, TestTokens tokens, String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(path).header("Authorization", bearer(tokens.partnerToken("acme"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        for (String token : new String[] {tokens.adminToken(), tokens.salesToken(), tokens.engineerToken()}) {
            mvc.perform(get(path).header("Authorization", bearer(token)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content").isArray())
                    .andExpect(jsonPath("$.page.number").value(0))
                    .andExpect(jsonPath("$.page.size").value(20))
                    .andExpect(jsonPath("$.page.totalElements").isNumber())
                    .andExpect(jsonPath("$.page.totalPages").isNumber());
        }
    }
}
