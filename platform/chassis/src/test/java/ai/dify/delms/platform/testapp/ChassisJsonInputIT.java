package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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

/** JSON that Jackson would silently bend is refused with a 400 naming the field, in every body. */
@DelmsServiceTest
class ChassisJsonInputIT {

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

    private ResultActions postProbe(String json) throws Exception {
        return asAdmin(post("/api/v1/probes").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aLoneSurrogateInAnyStringOfABodyIsRefusedNamingItsField() throws Exception {
        badRequest(postProbe("{\"text\":\"a\\ud800b\",\"size\":1}"))
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        badRequest(postProbe("{\"text\":\"a\\udc00\",\"size\":1}"))
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        badRequest(postProbe("{\"tags\":[\"ok\",\"b\\ud83d\"],\"size\":1}"))
                .andExpect(jsonPath("$.errors[0].field").value("tags.[1]"));
        badRequest(asAdmin(post("/api/v1/widgets").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"w\\ud800\",\"size\":1}")))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void aSurrogatePairIsTextLikeAnyOther() throws Exception {
        postProbe("{\"text\":\"smile \\ud83d\\ude00\",\"size\":1}").andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value("smile \uD83D\uDE00"));
    }

    @Test
    void aFractionForAnIntegerFieldIsRefusedNamingTheField() throws Exception {
        badRequest(postProbe("{\"count\":7.9,\"size\":1}"))
                .andExpect(jsonPath("$.errors[0].field").value("count"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("whole number")));
        badRequest(postProbe("{\"size\":1.5}")).andExpect(jsonPath("$.errors[0].field").value("size"));
        postProbe("{\"count\":7,\"size\":1}").andExpect(status().isOk()).andExpect(jsonPath("$.count").value(7));
    }

    @Test
    void anEmptyStringForAUuidIsRefusedNamingTheField() throws Exception {
        badRequest(postProbe("{\"ref\":\"\",\"size\":1}"))
                .andExpect(jsonPath("$.errors[0].field").value("ref"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("empty string")));
        postProbe("{\"ref\":null,\"size\":1}").andExpect(status().isOk()).andExpect(jsonPath("$.ref").isEmpty());
    }

    @Test
    void aDateWithATimeIsRefusedNamingTheField() throws Exception {
        for (String notADate : new String[] {"2026-01-01T00:00:00Z", "2026-01-01T10:15:30"}) {
            badRequest(postProbe("{\"day\":\"" + notADate + "\",\"size\":1}"))
                    .andExpect(jsonPath("$.errors[0].field").value("day"));
        }
        postProbe("{\"day\":\"2026-01-01\",\"size\":1}").andExpect(status().isOk())
                .andExpect(jsonPath("$.day").value("2026-01-01"));
    }

    @Test
    void aUuidParameterMustBeWrittenOutInFull() throws Exception {
        String id = "891e1492-79b3-4793-899d-1ab007a1b2c3";
        asAdmin(get("/api/v1/probes/ids/" + id).param("many", id + "," + id.toUpperCase()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.one").value(id))
                .andExpect(jsonPath("$.many[1]").value(id));
        // UUID.fromString reads these as other ids: 891e1492-79b3-4793-899d-000001ab007 and 1-2-3-4-5
        badRequest(asAdmin(get("/api/v1/probes/ids/891e1492-79b3-4793-899d-1ab007")))
                .andExpect(jsonPath("$.errors[0].field").value("one"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("must be a UUID")));
        badRequest(asAdmin(get("/api/v1/probes/ids/" + id).param("many", id + ",1-2-3-4-5")))
                .andExpect(jsonPath("$.errors[0].field").value("many"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("must be a UUID")));
        // a NUL or a blank is not trimmed away into "no filter" (which answered everything)
        for (String blank : new String[] {"\u0000", " "}) {
            badRequest(asAdmin(get("/api/v1/probes/ids/" + id).param("single", blank)))
                    .andExpect(jsonPath("$.errors[0].field").value("single"));
        }
        asAdmin(get("/api/v1/probes/ids/" + id).param("single", "")).andExpect(status().isOk())
                .andExpect(jsonPath("$.single").isEmpty());
    }
}
