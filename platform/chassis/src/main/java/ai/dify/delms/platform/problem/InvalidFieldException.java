package ai.dify.delms.platform.problem;

/**
 * A well-formed request whose field refers to something that does not exist or is not allowed
 * (e.g. an unknown customer id): 422 with {@code errors: [{field, message}]}.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
