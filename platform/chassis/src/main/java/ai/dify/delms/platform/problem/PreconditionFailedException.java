package ai.dify.delms.platform.problem;

/** The client's {@code If-Match} names a version that is no longer current: 412. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String detail) {
        super(detail);
    }
}
