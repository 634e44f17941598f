package ai.dify.delms.platform.problem;

/**
 * One field of the request is wrong in a way bean validation cannot see (not readable as its type,
 * read-only): 400 with {@code errors: [{field, message}]}, like a validation failure.
 */
public class BadFieldException extends RuntimeException {

    private final String field;

    public BadFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
