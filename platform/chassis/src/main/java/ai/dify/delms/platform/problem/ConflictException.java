package ai.dify.delms.platform.problem;

/** A domain rule refuses the change given the current state (duplicate, still referenced, illegal transition): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
