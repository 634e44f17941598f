package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.platform.security.tokens.CachingJwtDecoder;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;

@DelmsServiceTest
class ChassisSecurityIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JwtDecoder decoder;

    /** Boot's decoder is wrapped: the second request with a token gets the Jwt verified for the first. */
    @Test
    void aTokenIsVerifiedOnceByTheService() {
        String token = tokens.adminToken();

        assertThat(decoder).isInstanceOf(CachingJwtDecoder.class);
        assertThat(decoder.decode(token)).isSameAs(decoder.decode(token));
    }

    @Test
    void requestWithoutTokenGets401Problem() throws Exception {
        mvc.perform(get("/api/v1/widgets"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.type").value("urn:delms:problem:unauthorized"))
                .andExpect(jsonPath("$.instance").value("/api/v1/widgets"));
    }

    @Test
    void expiredWrongAudienceAndForeignTokensGet401() throws Exception {
        mvc.perform(get("/api/v1/widgets").header("Authorization", bearer(tokens.expiredToken())))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/widgets").header("Authorization", bearer(tokens.wrongAudienceToken())))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/widgets").header("Authorization", bearer(
                        tokens.issuer().token(t -> t.subject("alice").roles("admin").issuer("http://evil.example")))))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/widgets").header("Authorization", "Bearer not-a-jwt"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void staffRolesReadPartnerIsForbiddenWithProblem() throws Exception {
        for (String token : new String[] {tokens.adminToken(), tokens.salesToken(), tokens.engineerToken()}) {
            mvc.perform(get("/api/v1/widgets").header("Authorization", bearer(token))).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/widgets").header("Authorization", bearer(tokens.partnerToken("acme"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        assertThat(tokens.issuer().jwksRequests()).as("keys fetched from the issuer's JWKS").isPositive();
    }

    @Test
    void writeRulesFollowRoles() throws Exception {
        mvc.perform(post("/api/v1/widgets").header("Authorization", bearer(tokens.engineerToken()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"sec-eng\",\"size\":1}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/widgets/" + java.util.UUID.randomUUID())
                        .header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isForbidden());
    }

    @Test
    void endpointWithoutAccessRuleIsDenied() throws Exception {
        mvc.perform(get("/api/v1/undeclared").header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/undeclared")).andExpect(status().isUnauthorized());
    }

    @Test
    void unknownPathIs404ProblemForAuthenticatedCaller() throws Exception {
        mvc.perform(get("/api/v1/nothing-here").header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/nothing-here")).andExpect(status().isUnauthorized());
    }

    @Test
    void healthAndApiDocsArePublic() throws Exception {
        // ready once the Kafka consumers have their partitions, which may take a moment after the start
        Awaitility.await("ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus() == 200);
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.bearer-jwt.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/api/v1/actor'].get.parameters").doesNotExist());
        mvc.perform(get("/actuator/env").header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isNotFound());
    }

    @Test
    void currentActorCarriesTokenClaims() throws Exception {
        mvc.perform(get("/api/v1/actor").header("Authorization", bearer(tokens.partnerToken("acme"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resellerId").value("acme"))
                .andExpect(jsonPath("$.clientId").value("partner-acme"))
                .andExpect(jsonPath("$.roles[0]").value("partner"))
                .andExpect(jsonPath("$.scopes[0]").value("partner-api"));
        mvc.perform(get("/api/v1/actor").header("Authorization", bearer(tokens.tokenFor("bob", "sales"))))
                .andExpect(jsonPath("$.username").value("bob"))
                .andExpect(jsonPath("$.resellerId").doesNotExist());
    }
}
