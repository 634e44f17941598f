package ai.dify.delms.licensefile.json;

import java.util.regex.Pattern;

/**
 * A number as it was written. Kept as text so that {@code 5}, {@code 5.0} and {@code 5e0} stay apart:
 * where an integer is expected only the first is accepted.
 */
public record JsonNumber(String text) {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

    public boolean isInteger() {
        return INTEGER.matcher(text).matches();
    }

    /** @throws JsonException when the number has a fraction or exponent, or is out of range */
    public long longValue(String what) {
        if (!isInteger()) {
            throw new JsonException(what + " must be an integer, not " + text);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new JsonException(what + " is out of range: " + text);
        }
    }

    /** @throws JsonException when the number has a fraction or exponent, or does not fit an int */
    public int intValue(String what) {
        long value = longValue(what);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new JsonException(what + " is out of range: " + text);
        }
        return (int) value;
    }

    @Override
    public String toString() {
        return text;
    }
}
