package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ai.dify.delms.platform.test.ApiChecks;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class ChassisProblemDetailsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JsonMapper json;

    private ResultActions asAdmin(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(tokens.adminToken())));
    }

    private static ResultActions problem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.type").exists())
                .andExpect(jsonPath("$.instance").exists());
    }

    @Test
    void beanValidationListsFieldErrors() throws Exception {
        problem(asAdmin(post("/api/v1/widgets").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"\",\"size\":99}")), 400)
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").exists());
    }

    @Test
    void unreadableBodyWrongTypesAndMediaTypesAre4xxProblems() throws Exception {
        problem(asAdmin(post("/api/v1/widgets").contentType(MediaType.APPLICATION_JSON).content("{not json")), 400);
        problem(asAdmin(post("/api/v1/widgets").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"size\":\"big\"}")), 400);
        problem(asAdmin(get("/api/v1/widgets/not-a-uuid")), 400);
        problem(asAdmin(post("/api/v1/widgets").contentType(MediaType.TEXT_PLAIN).content("hello")), 415);
        problem(asAdmin(get("/api/v1/widgets?size=201")), 400)
                .andExpect(jsonPath("$.detail").value(containsString("200")));
        problem(asAdmin(get("/api/v1/widgets?size=abc")), 400);
        problem(asAdmin(get("/api/v1/widgets?sort=nosuchfield,asc")), 400);
    }

    @Test
    void bodyOverTheSizeLimitIsRefusedBeforeAnythingReadsIt() throws Exception {
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"size\":1}";
        mvc.perform(post("/api/v1/widgets").contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().is(413))
                .andExpect(status().reason(containsString("larger than the limit")));
    }

    @Test
    void unacceptableAcceptRefusesACreateBeforeAnythingIsWritten() throws Exception {
        String widget = "{\"name\":\"refused-" + UUID.randomUUID() + "\",\"size\":1}";

        problem(asAdmin(post("/api/v1/widgets").accept(MediaType.APPLICATION_XML)
                .contentType(MediaType.APPLICATION_JSON).content(widget)), 406);

        // the same name again: a 409 would mean the refused request had created it after all
        asAdmin(post("/api/v1/widgets").contentType(MediaType.APPLICATION_JSON).content(widget))
                .andExpect(status().isCreated());
    }

    @Test
    void unacceptableAcceptRefusesAnUpdateBeforeAnythingIsWritten() throws Exception {
        String body = asAdmin(post("/api/v1/widgets").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"kept-" + UUID.randomUUID() + "\",\"size\":1}"))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();

        problem(asAdmin(put("/api/v1/widgets/" + id).accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"renamed\"}")), 406)
                .andExpect(jsonPath("$.detail").value(containsString("application/json")));

        asAdmin(get("/api/v1/widgets/" + id)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.name").value(json.readTree(body).get("name").asString()));
    }

    @Test
    void everyWriteOperationRefusesAnUnacceptableAcceptBeforeRunning() throws Exception {
        assertThat(ApiChecks.writesRefuseAnUnacceptableAcceptBeforeRunning(mvc, tokens))
                .contains("POST /api/v1/widgets", "PUT /api/v1/widgets/{id}", "PUT /api/v1/widgets/{id}/shape",
                        "POST /api/v1/widget-links");
    }

    @Test
    void openApiDocumentNamesTheRefusals() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/v1/widgets'].post.responses['406']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/widgets'].post.responses['413']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/widgets/{id}/notes'].post.responses['406']").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/v1/widgets/{id}/tags/{tag}'].put.responses['413']").doesNotExist());
    }

    @Test
    void anAcceptHeaderThatIsNotAMediaTypeListIs406WithAProblemBody() throws Exception {
        // Spring drops the body of an error it cannot negotiate: these came back as empty 406s
        for (String accept : new String[] {"*/*;q=fuzz", "%%%", "application/"}) {
            problem(asAdmin(get("/api/v1/widgets").header("Accept", accept)), 406);
        }
    }

    @Test
    void acceptThatIncludesJsonIsServed() throws Exception {
        asAdmin(get("/api/v1/widgets").accept("application/xml;q=0.9, application/json;q=0.1"))
                .andExpect(status().isOk());
        asAdmin(get("/api/v1/widgets").accept("*/*")).andExpect(status().isOk());
        asAdmin(get("/api/v1/widgets").accept("application/*")).andExpect(status().isOk());
        asAdmin(get("/api/v1/failures/boom").accept(MediaType.TEXT_PLAIN)).andExpect(status().is(500));
    }

    @Test
    void methodNotAllowedIs405Problem() throws Exception {
        // the rules let any caller with a token through /failures/**; only GET is mapped there
        problem(asAdmin(delete("/api/v1/failures/boom")), 405);
    }

    @Test
    void missingResourceIs404AndDuplicateIs409() throws Exception {
        problem(asAdmin(get("/api/v1/widgets/" + UUID.randomUUID())), 404)
                .andExpect(jsonPath("$.detail").value(containsString("was not found")));
        asAdmin(post("/api/v1/widgets").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"dup-widget\",\"size\":1}")).andExpect(status().isCreated());
        problem(asAdmin(post("/api/v1/widgets").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"dup-widget\",\"size\":1}")), 409);
    }

    @Test
    void staleIfMatchIs412AndCurrentOnePasses() throws Exception {
        String body = asAdmin(post("/api/v1/widgets").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"etag-widget\",\"size\":1}"))
                .andExpect(header().string("ETag", "\"0\"")).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();
        asAdmin(put("/api/v1/widgets/" + id).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"etag-widget-2\"}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        problem(asAdmin(put("/api/v1/widgets/" + id).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"etag-widget-3\"}")), 412);
    }

    @Test
    void unexpectedErrorIsGeneric500WithoutInternals() throws Exception {
        problem(asAdmin(get("/api/v1/failures/boom")), 500)
                .andExpect(jsonPath("$.detail").value("An unexpected error occurred."))
                .andExpect(content().string(not(containsString("secret internal detail"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void listIsPagedWithMetadata() throws Exception {
        asAdmin(get("/api/v1/widgets?page=0&size=2&sort=name,asc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content").isArray())
                .andExpect(jsonPath("$.page.number").value(0))
                .andExpect(jsonPath("$.page.size").value(2))
                .andExpect(jsonPath("$.page.totalElements").isNumber())
                .andExpect(jsonPath("$.page.totalPages").isNumber());
    }
}
