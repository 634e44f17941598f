package ai.dify.delms.platform.problem;

/**
 * The request cannot be answered now because something it depends on does not answer (another
 * service, say): 503 with {@code Retry-After}. Never a statement about the request itself, so a
 * client may send it again unchanged. Whoever throws it logs why; the detail is what the caller reads.
 */
public class UnavailableException extends RuntimeException {

    public UnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
