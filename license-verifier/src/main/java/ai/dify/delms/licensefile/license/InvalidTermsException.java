package ai.dify.delms.licensefile.license;

/** Terms a license file cannot carry, naming the field. */
public class InvalidTermsException extends IllegalArgumentException {

    private final String field;

    public InvalidTermsException(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
    }

    /** The payload field, e.g. {@code expiryDate}. */
    public String field() {
        return field;
    }
}
