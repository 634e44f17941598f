package ai.dify.delms.systemtests.fuzz;

import java.util.Set;

/**
 * One generated request and what it must get.
 *
 * @param family what was done to the request, the same for every operation (for the report's groups)
 * @param detail where it was done (a parameter or field name)
 * @param mustBeRefused the request breaks the document or a rule of the API: a 2xx is a failure
 * @param plausible the statuses a refusal may have
 */
record FuzzCase(ApiOperation operation, String family, String detail, FuzzRequest request,
                boolean mustBeRefused, Set<Integer> plausible) {

    /** The refusals any malformed request may meet, given a valid token for the operation. */
    static final Set<Integer> ANY_REFUSAL = Set.of(400, 404, 405, 406, 409, 412, 413, 414, 415, 422, 428, 429, 431);

    String name() {
        return family + (detail.isEmpty() ? "" : " [" + detail + "]");
    }
}
