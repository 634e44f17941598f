package ai.dify.delms.platform.test;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Checks that every service's API passes the same way, written once. */
public final class ApiChecks {

    private ApiChecks() {
    }

    /**
     * A staff list endpoint: 401 problem without a token, 403 problem for a partner, and for admin,
     * sales and engineer the paged body {@code {content, page:{number,size,totalElements,totalPages}}}
     * with the default page size of 20; hostile paging and sort parameters are refused
     * ({@link #hostilePagingParameters}).
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
        hostilePagingParameters(mvc, tokens, path);
    }

    /**
     * A list refuses with a 400 problem a page whose offset would overflow, a sort value that is not a
     * property name (naming {@code sort}) and a property it does not declare sortable (naming those it
     * does), and its OpenAPI document lists the sortable properties.
     */
    public static void hostilePagingParameters(MockMvc mvc, TestTokens tokens, String path) throws Exception {
        hostilePagingParameters(mvc, path, bearer(tokens.adminToken()));
    }

    /**
     * {@link #hostilePagingParameters(MockMvc, TestTokens, String)} sent with the given
     * {@code Authorization} header, e.g. a partner's for a partner list.
     */
    public static void hostilePagingParameters(MockMvc mvc, String path, String token) throws Exception {
        for (String[] paging : new String[][] {{"2147483647", "20"}, {"100000000", "200"}}) {
            mvc.perform(get(path).param("page", paging[0]).param("size", paging[1]).header("Authorization", token))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        for (String sort : new String[] {"name;DROP TABLE x", "createdAt) OR 1=1--", "LENGTH(id)", "version"}) {
            mvc.perform(get(path).param("sort", sort).header("Authorization", token))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("sort"));
        }
        mvc.perform(get(path).param("sort", "version").header("Authorization", token))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("sortable: ")));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['" + path + "'].get.parameters[?(@.name == 'sort')].description",
                        hasItem(containsString("properties: "))));
    }

    /**
     * The repeatable {@code id} filter of a staff list ({@code ?id=a&id=b}): 100 ids pass and find
     * {@code existingId} among 99 unknown ones, 101 are a 400 problem naming {@code id}, a value that
     * is not a UUID is a 400 problem, and the service's OpenAPI document describes the parameter.
     */
    public static void idFilterLimits(MockMvc mvc, TestTokens tokens, String path, String existingId) throws Exception {
        String token = bearer(tokens.engineerToken());
        String[] hundred = Stream.concat(Stream.of(existingId), Stream.generate(() -> UUID.randomUUID().toString()).limit(99))
                .toArray(String[]::new);
        mvc.perform(get(path).param("id", hundred).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(existingId));

        String[] tooMany = Stream.concat(Stream.of(hundred), Stream.of(UUID.randomUUID().toString())).toArray(String[]::new);
        mvc.perform(get(path).param("id", tooMany).header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value("at most 100 ids in one request; got 101"));

        mvc.perform(get(path).param("id", existingId, "not-a-uuid").header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        String parameter = "$.paths['" + path + "'].get.parameters[?(@.name == 'id')]";
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath(parameter + ".in", hasItem("query")))
                .andExpect(jsonPath(parameter + ".schema.type", hasItem("array")))
                .andExpect(jsonPath(parameter + ".schema.items.format", hasItem("uuid")))
                .andExpect(jsonPath(parameter + ".description", hasItem(containsString("at most 100"))));
    }
}
