package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.hamcrest.Matchers.containsString;
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

/** Date parameters outside the supported years are a 400 naming the parameter, never an overflow further on. */
@DelmsServiceTest
class ChassisDateParametersIT {

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
    void aDateParameterOutsideTheSupportedYearsIsABadRequestNamingIt() throws Exception {
        for (String date : new String[] {"+999999999-12-31", "-999999999-01-01", "1899-12-31", "3000-01-01"}) {
            badRequest(asAdmin(get("/api/v1/probes/dates").param("on", date)))
                    .andExpect(jsonPath("$.errors[0].field").value("on"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("1900-01-01 to 2999-12-31")));
            badRequest(asAdmin(get("/api/v1/probes/dates").param("plain", date)))
                    .andExpect(jsonPath("$.errors[0].field").value("plain"));
        }
        asAdmin(get("/api/v1/probes/dates?on=2999-12-31&plain=1900-01-01")).andExpect(status().isOk())
                .andExpect(jsonPath("$.on").value("2999-12-31")).andExpect(jsonPath("$.plain").value("1900-01-01"));
    }
}
