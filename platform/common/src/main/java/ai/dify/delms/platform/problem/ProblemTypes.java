package ai.dify.delms.platform.problem;

import java.net.URI;

/**
 * The {@code type} of DELMS problem details: stable URNs a client can switch on (RFC 9457 allows a
 * non-resolvable URI). Most follow the status; validation failures, concurrent changes and writes
 * of unknown outcome have their own.
 */
public final class ProblemTypes {

    public static final URI VALIDATION = type("validation");
    public static final URI CONCURRENT_MODIFICATION = type("concurrent-modification");
    /** A write the gateway passed on got no answer in time: it may or may not have taken effect. */
    public static final URI OUTCOME_UNKNOWN = type("outcome-unknown");

    private ProblemTypes() {
    }

    /** The type for a status, e.g. {@code urn:delms:problem:not-found} for 404. */
    public static URI forStatus(int status) {
        return switch (status) {
            case 400 -> type("bad-request");
            case 401 -> type("unauthorized");
            case 403 -> type("forbidden");
            case 404 -> type("not-found");
            case 405 -> type("method-not-allowed");
            case 406 -> type("not-acceptable");
            case 409 -> type("conflict");
            case 412 -> type("precondition-failed");
            case 413 -> type("payload-too-large");
            case 415 -> type("unsupported-media-type");
            case 422 -> type("unprocessable");
            case 429 -> type("too-many-requests");
            case 500 -> type("internal-error");
            case 503 -> type("unavailable");
            default -> type("http-" + status);
        };
    }

    /** Sets the status's type on a problem that has none (or {@code about:blank}). */
    public static void applyDefault(org.springframework.http.ProblemDetail problem) {
        URI type = problem.getType();
        if (type == null || "about:blank".equals(type.toString())) {
            problem.setType(forStatus(problem.getStatus()));
        }
    }

    private static URI type(String name) {
        return URI.create("urn:delms:problem:" + name);
    }
}
