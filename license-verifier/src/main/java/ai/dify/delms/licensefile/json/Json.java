package ai.dify.delms.licensefile.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader and writer (RFC 8259), enough for license files, usage reports and the
 * keys document without a dependency (decision 25).
 *
 * <p>Reading refuses what lenient parsers let through: duplicate member names, anything but whitespace
 * after the value, lone surrogates (raw or escaped), control characters in strings, leading zeros, and
 * nesting deeper than {@value #MAX_DEPTH}. Values come back as {@code Map<String, Object>} (members in
 * document order), {@code List<Object>}, {@code String}, {@link JsonNumber}, {@code Boolean} or
 * {@code null}; maps and lists are unmodifiable.
 */
public final class Json {

    static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Json(String text) {
        this.text = text;
    }

    /** @throws JsonException naming the line and column of the first problem */
    public static Object parse(String text) {
        Json reader = new Json(text);
        reader.skipWhitespace();
        Object value = reader.readValue(0);
        reader.skipWhitespace();
        if (reader.pos < text.length()) {
            throw reader.error("unexpected text after the JSON value");
        }
        return value;
    }

    /** Parses text that must hold a JSON object. */
    public static JsonObject parseObject(String text) {
        return JsonObject.of(parse(text), "the document");
    }

    private Object readValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= text.length()) {
            throw error("unexpected end of text, a value was expected");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return readObject(depth);
            case '[':
                return readArray(depth);
            case '"':
                return readString();
            case 't':
                return readLiteral("true", Boolean.TRUE);
            case 'f':
                return readLiteral("false", Boolean.FALSE);
            case 'n':
                return readLiteral("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return readNumber();
                }
                throw error("unexpected character " + describe(c));
        }
    }

    private Map<String, Object> readObject(int depth) {
        pos++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("a member name in double quotes was expected");
            }
            int nameLine = line;
            int nameColumn = column();
            String name = readString();
            if (members.containsKey(name)) {
                throw new JsonException("duplicate member \"" + name + "\"", nameLine, nameColumn);
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(name, readValue(depth + 1));
            skipWhitespace();
            char next = peek();
            pos++;
            if (next == '}') {
                return Collections.unmodifiableMap(members);
            }
            if (next != ',') {
                pos--;
                throw error("',' or '}' was expected");
            }
        }
    }

    private List<Object> readArray(int depth) {
        pos++;
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(items);
        }
        while (true) {
            skipWhitespace();
            items.add(readValue(depth + 1));
            skipWhitespace();
            char next = peek();
            pos++;
            if (next == ']') {
                return Collections.unmodifiableList(items);
            }
            if (next != ',') {
                pos--;
                throw error("',' or ']' was expected");
            }
        }
    }

    private String readString() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character " + describe(c) + " in a string (escape it)");
            }
            if (c == '\\') {
                readEscape(out);
            } else if (Character.isHighSurrogate(c)) {
                if (pos + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(pos + 1))) {
                    throw error("lone surrogate " + describe(c));
                }
                out.append(c).append(text.charAt(pos + 1));
                pos += 2;
            } else if (Character.isLowSurrogate(c)) {
                throw error("lone surrogate " + describe(c));
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    private void readEscape(StringBuilder out) {
        pos++;
        if (pos >= text.length()) {
            throw error("unterminated string");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '"': out.append('"'); break;
            case '\\': out.append('\\'); break;
            case '/': out.append('/'); break;
            case 'b': out.append('\b'); break;
            case 'f': out.append('\f'); break;
            case 'n': out.append('\n'); break;
            case 'r': out.append('\r'); break;
            case 't': out.append('\t'); break;
            case 'u':
                char unit = readHex4();
                if (Character.isHighSurrogate(unit)) {
                    if (!text.startsWith("\\u", pos + 1)) {
                        throw error("lone surrogate \\u" + hex(unit));
                    }
                    pos += 2;
                    char low = readHex4();
                    if (!Character.isLowSurrogate(low)) {
                        throw error("lone surrogate \\u" + hex(unit));
                    }
                    out.append(unit).append(low);
                } else if (Character.isLowSurrogate(unit)) {
                    throw error("lone surrogate \\u" + hex(unit));
                } else {
                    out.append(unit);
                }
                break;
            default:
                throw error("unknown escape \\" + describe(c));
        }
        pos++;
    }

    /** Reads the four hex digits after {@code \\u}; leaves {@code pos} on the last one. */
    private char readHex4() {
        if (pos + 4 >= text.length()) {
            throw error("incomplete \\u escape");
        }
        int value = 0;
        for (int i = 1; i <= 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
                pos += i;
                throw error("invalid hex digit in a \\u escape");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    private JsonNumber readNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("leading zero in a number");
            }
        } else if (isDigit(peek())) {
            skipDigits();
        } else {
            throw error("a digit was expected");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("a digit was expected after '.'");
            }
            skipDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("a digit was expected in the exponent");
            }
            skipDigits();
        }
        return new JsonNumber(text.substring(start, pos));
    }

    private Object readLiteral(String literal, Object value) {
        if (!text.startsWith(literal, pos)) {
            throw error("unexpected text, " + literal + " was expected");
        }
        pos += literal.length();
        return value;
    }

    private void skipDigits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "' was expected");
        }
        pos++;
    }

    /** The character at the position, or NUL past the end (never valid where a peek decides). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private JsonException error(String message) {
        return new JsonException(message, line, column());
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : "U+" + hex(c);
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    // ---- writing ----

    /**
     * The compact JSON text of a value built from maps (written in iteration order), lists, strings,
     * {@link JsonNumber}s, integral numbers ({@code Integer}, {@code Long}), booleans and {@code null}.
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append(quote(s));
        } else if (value instanceof Integer || value instanceof Long || value instanceof JsonNumber
                || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> member : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(quote((String) member.getKey())).append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
        }
    }

    /**
     * A string in its one canonical JSON form: {@code "} and {@code \} escaped, control characters as
     * {@code \b \f \n \r \t} or {@code \}{@code u00xx}, everything else as itself.
     *
     * @throws IllegalArgumentException for a lone surrogate, which has no UTF-8 encoding
     */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("Lone surrogate U+" + hex(c) + " in a string");
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }
}
