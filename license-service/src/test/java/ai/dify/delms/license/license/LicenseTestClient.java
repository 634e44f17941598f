package ai.dify.delms.license.license;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The license API calls the lifecycle and update tests make, with a token each. */
public final class LicenseTestClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MockMvc mvc;

    public LicenseTestClient(MockMvc mvc) {
        this.mvc = mvc;
    }

    public String create(String token, NewLicenseBuilder license) throws Exception {
        String body = mvc.perform(post("/api/v1/licenses").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(license.toJson()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("id").asString();
    }

    public ResultActions transition(String token, String id, String to, String reason) throws Exception {
        return mvc.perform(post("/api/v1/licenses/" + id + "/transitions").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(
                        reason == null ? Map.of("to", to) : Map.of("to", to, "reason", reason))));
    }

    public ResultActions read(String token, String id) throws Exception {
        return mvc.perform(get("/api/v1/licenses/" + id).header("Authorization", bearer(token)));
    }

    public JsonNode readBody(String token, String id) throws Exception {
        return JSON.readTree(read(token, id).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    public ResultActions changes(String token, String id) throws Exception {
        return mvc.perform(get("/api/v1/licenses/" + id + "/changes").header("Authorization", bearer(token)));
    }

    public ResultActions put(String token, String id, String body, String ifMatch) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/licenses/" + id)
                .header("Authorization", bearer(token)).contentType(MediaType.APPLICATION_JSON).content(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    public ResultActions patch(String token, String id, String body, String ifMatch) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/licenses/" + id)
                .header("Authorization", bearer(token)).contentType("application/merge-patch+json").content(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public ResultActions reportUsage(String token, String id, Object body) throws Exception {
        return mvc.perform(post("/api/v1/licenses/" + id + "/usage").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(body instanceof String text ? text : JSON.writeValueAsString(body)));
    }

    public ResultActions usage(String token, String id) throws Exception {
        return usage(token, id, "");
    }

    public ResultActions usage(String token, String id, String query) throws Exception {
        return mvc.perform(get("/api/v1/licenses/" + id + "/usage?" + query).header("Authorization", bearer(token)));
    }

    public ResultActions changes(String token, String id, String query) throws Exception {
        return mvc.perform(get("/api/v1/licenses/" + id + "/changes?" + query).header("Authorization", bearer(token)));
    }

    public ResultActions timeline(String token, String id) throws Exception {
        return mvc.perform(get("/api/v1/licenses/" + id + "/timeline").header("Authorization", bearer(token)));
    }

    public ResultActions list(String token, String query) throws Exception {
        return mvc.perform(get("/api/v1/licenses?" + query).header("Authorization", bearer(token)));
    }

    public JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
