package ai.dify.delms.systemtests.support;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks of the API conventions every service shares: problem+json errors (docs/decisions.md, 20)
 * and the paged list shape of the OpenAPI documents.
 */
public final class ApiAssertions {

    private ApiAssertions() {
    }

    /** The status, and an RFC 9457 problem+json body that repeats it. */
    public static JsonNode assertProblem(GatewayResponse response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.isProblem()).as("application/problem+json: %s", response).isTrue();
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).as("problem status of %s", response).isEqualTo(status);
        assertThat(problem.path("title").asString("")).as("problem title of %s", response).isNotBlank();
        return problem;
    }

    /** 200 with the paged list shape: {@code {content: [...], page: {number, size, totalElements, totalPages}}}. */
    public static JsonNode assertPage(GatewayResponse response) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(200);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.path("content").isArray()).as("content array in %s", response).isTrue();
        JsonNode page = body.path("page");
        for (String field : new String[] {"number", "size", "totalElements", "totalPages"}) {
            assertThat(page.path(field).isIntegralNumber()).as("page.%s in %s", field, response).isTrue();
        }
        assertThat(page.path("number").asLong()).as("page.number").isNotNegative();
        assertThat(page.path("size").asLong()).as("page.size").isPositive();
        assertThat(page.path("totalElements").asLong()).as("page.totalElements").isGreaterThanOrEqualTo(body.path("content").size());
        assertThat((long) body.path("content").size()).as("content size within page size").isLessThanOrEqualTo(page.path("size").asLong());
        return body;
    }
}
