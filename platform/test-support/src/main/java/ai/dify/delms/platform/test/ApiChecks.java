package ai.dify.delms.platform.test;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");

    /**
     * Every write operation of the service's OpenAPI document (POST, PUT, PATCH, DELETE) whose success
     * answer has a body refuses {@code Accept: application/xml} with 406 problem+json <em>before</em>
     * it runs. The body sent is an empty object and the ids are unknown, which the operation itself
     * would refuse (400, 404, 422): a 406 shows the refusal came before the request was even read,
     * so no transaction started and nothing was written. Each operation is tried as admin, sales,
     * engineer and partner; callers its access rules refuse get 401/403, at least one must get
     * through to the 406. A write operation added later is covered without changing the test.
     *
     * @return the operations checked, e.g. {@code POST /api/v1/customers}
     */
    public static List<String> writesRefuseAnUnacceptableAcceptBeforeRunning(MockMvc mvc, TestTokens tokens)
            throws Exception {
        JsonNode document = JsonMapper.shared().readTree(
                mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        Map<String, String> callers = Map.of("admin", tokens.adminToken(), "sales", tokens.salesToken(),
                "engineer", tokens.engineerToken(), "partner", tokens.partnerToken("acme"));
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (var path : document.get("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                JsonNode operation = entry.getValue();
                if (!WRITE_METHODS.contains(entry.getKey()) || !answersWithABody(operation)) {
                    continue;
                }
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                checked.add(name);
                List<String> answers = new ArrayList<>();
                boolean refused = false;
                for (var caller : callers.entrySet()) {
                    MockHttpServletResponse response = mvc.perform(request(entry.getKey(), path.getKey(), operation)
                            .header("Authorization", TestTokens.bearer(caller.getValue()))
                            .accept(MediaType.APPLICATION_XML)).andReturn().getResponse();
                    answers.add(caller.getKey() + " " + response.getStatus());
                    if (response.getStatus() == 406 && MediaType.APPLICATION_PROBLEM_JSON
                            .isCompatibleWith(MediaType.parseMediaType(response.getContentType()))) {
                        refused = true;
                    } else if (response.getStatus() != 401 && response.getStatus() != 403) {
                        refused = false;
                        break;
                    }
                }
                if (!refused) {
                    failures.add(name + " answered " + answers);
                }
            }
        }
        if (checked.isEmpty() || !failures.isEmpty()) {
            throw new AssertionError("Write operations that did not refuse Accept: application/xml with 406 "
                    + "problem+json before running (expected 406 for each caller let through, 401/403 otherwise): "
                    + failures + "; checked " + checked);
        }
        return checked;
    }

    private static boolean answersWithABody(JsonNode operation) {
        for (var response : operation.path("responses").properties()) {
            if (response.getKey().startsWith("2") && !response.getValue().path("content").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static MockHttpServletRequestBuilder request(String method, String path, JsonNode operation) {
        Matcher variable = PATH_VARIABLE.matcher(path);
        StringBuilder uri = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(uri, Matcher.quoteReplacement(exampleValue(operation, variable.group(1))));
        }
        variable.appendTail(uri);
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method.toUpperCase()),
                uri.toString());
        JsonNode content = operation.path("requestBody").path("content");
        if (!content.isEmpty()) {
            request.contentType(content.propertyNames().iterator().next()).content("{}");
        }
        return request;
    }

    /** A value of the parameter's type that names nothing existing: a fresh UUID, 999999999, or a made-up code. */
    private static String exampleValue(JsonNode operation, String parameter) {
        for (JsonNode candidate : operation.path("parameters")) {
            if (parameter.equals(candidate.path("name").asString()) && "path".equals(candidate.path("in").asString())) {
                JsonNode schema = candidate.path("schema");
                if ("uuid".equals(schema.path("format").asString())) {
                    return UUID.randomUUID().toString();
                }
                if ("integer".equals(schema.path("type").asString())) {
                    return "999999999";
                }
            }
        }
        return "NO-SUCH-" + parameter.toUpperCase();
    }
}
