package ai.dify.delms.systemtests.support;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** One HTTP exchange as a black-box client sees it: status, headers and body (parsed when JSON). */
public record GatewayResponse(String method, URI uri, int status, HttpHeaders headers, String body) {

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** RFC 9457 problem details, the contract for every error. */
    public boolean isProblem() {
        return contentType().toLowerCase().startsWith("application/problem+json");
    }

    /** The body as JSON, or a missing node when it is empty or not JSON. */
    public JsonNode json() {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.parse(body);
        } catch (JacksonException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** Enough to understand a failed assertion without re-running the test. */
    @Override
    public String toString() {
        String shown = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "..." : body;
        return method + " " + uri + " -> " + status + " [" + contentType() + "] " + shown;
    }
}
