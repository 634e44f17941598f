package ai.dify.delms.systemtests.fuzz;

import io.swagger.v3.oas.models.media.Schema;

import java.util.List;
import java.util.Set;

/**
 * One operation of a service's OpenAPI document, as the fuzzer needs it: where it lives, its
 * parameters and the schema of its body (references resolved).
 *
 * @param bodySchema the request body's schema; {@code null} when the operation takes no body
 * @param listedFields the properties of what a 200 answer lists or shows (a page's items, or the
 *                     object itself), for sort values the caller may not use
 */
record ApiOperation(String service, String method, String path, List<Parameter> parameters,
                    Schema<?> bodySchema, String bodyMediaType, Set<String> listedFields) {

    record Parameter(String in, String name, boolean required, Schema<?> schema) {
    }

    boolean partner() {
        return path.startsWith("/api/partner/");
    }

    /**
     * A POST without a body starts work (an alert rebuild, a license snapshot): the suite sends it
     * only requests that must be refused before anything starts.
     */
    boolean startsWork() {
        return method.equals("POST") && bodySchema == null && parameters.stream().noneMatch(p -> p.in().equals("path"));
    }

    List<Parameter> parameters(String in) {
        return parameters.stream().filter(p -> p.in().equals(in)).toList();
    }

    /** The service's short database name: license, customer, sales, deployment, alert. */
    String database() {
        return service.replace("-service", "");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
