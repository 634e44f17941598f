package ai.dify.delms.license.license;

/** An update that tries to change a field fixed at creation (or changed only by a transition): 400. */
public class ReadOnlyFieldException extends RuntimeException {

    private final String field;

    ReadOnlyFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
