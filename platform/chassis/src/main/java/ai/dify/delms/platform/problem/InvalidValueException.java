package ai.dify.delms.platform.problem;

/**
 * A parameter's value that a converter refuses although it has the right form (a date outside the
 * supported years). Thrown while the parameter is read, so its name is added by
 * {@link ApiExceptionHandler}: 400 with {@code errors: [{field, message}]}, the message as given.
 */
public class InvalidValueException extends IllegalArgumentException {

    public InvalidValueException(String message) {
        super(message);
    }
}
