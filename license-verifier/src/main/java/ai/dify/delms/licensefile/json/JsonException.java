package ai.dify.delms.licensefile.json;

/** Text that is not the JSON expected, with where it went wrong (line and column from 1, or 0 when unknown). */
public class JsonException extends RuntimeException {

    private final String reason;
    private final int line;
    private final int column;

    public JsonException(String message, int line, int column) {
        super(line > 0 ? message + " (line " + line + ", column " + column + ")" : message);
        this.reason = message;
        this.line = line;
        this.column = column;
    }

    /** A value that is well-formed JSON but not what the reader expects. */
    public JsonException(String message) {
        this(message, 0, 0);
    }

    /** The message without the position. */
    public String reason() {
        return reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
