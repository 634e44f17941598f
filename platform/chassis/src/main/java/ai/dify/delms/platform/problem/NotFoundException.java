package ai.dify.delms.platform.problem;

/** Thrown when a requested resource does not exist (or must not be seen by the caller): 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " was not found.");
    }

    public NotFoundException(String detail) {
        super(detail);
    }
}
