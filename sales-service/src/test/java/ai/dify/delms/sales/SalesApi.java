package ai.dify.delms.sales;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/** Creates reps and resellers through the API for tests that need them. */
public final class SalesApi {

    private final MockMvc mvc;
    private final TestTokens tokens;
    private final JsonMapper json;

    public SalesApi(MockMvc mvc, TestTokens tokens, JsonMapper json) {
        this.mvc = mvc;
        this.tokens = tokens;
        this.json = json;
    }

    public UUID rep(String name) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"email\":\"" + UUID.randomUUID() + "@example.com\",\"region\":\"EMEA\"}";
        return id(mvc.perform(post("/api/v1/sales-reps").header("Authorization", bearer(tokens.adminToken()))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
    }

    public UUID reseller(String code) throws Exception {
        return id(mvc.perform(post("/api/v1/resellers").header("Authorization", bearer(tokens.adminToken()))
                .contentType(MediaType.APPLICATION_JSON).content(resellerBody(code, "Partner " + code, "GOLD")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    public static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String resellerBody(String code, String name, String tier) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"contactEmail\":\"sales@" + code
                + ".example.com\",\"region\":\"EMEA\",\"tier\":\"" + tier + "\"}";
    }

    private UUID id(String body) {
        return UUID.fromString(json.readTree(body).get("id").asString());
    }
}
