package ai.dify.delms.licensefile;

/** A license file or usage report that does not have the exact form of its format, and where: line from 1, 0 for the whole text. */
public class MalformedTextException extends Exception {

    private final int line;
    private final String reason;

    public MalformedTextException(int line, String reason) {
        super(line > 0 ? "line " + line + ": " + reason : reason);
        this.line = line;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    /** The message without the line number. */
    public String reason() {
        return reason;
    }
}
