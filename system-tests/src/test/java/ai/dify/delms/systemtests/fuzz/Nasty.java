package ai.dify.delms.systemtests.fuzz;

import java.util.List;

/**
 * The hostile values the suite draws from. Each pairs how it goes on the wire with a name for the
 * report. None reads like code or SQL, so an error that echoes the input cannot pass for a leak.
 */
final class Nasty {

    private Nasty() {
    }

    /** A value in its JSON form (written into a body as it is) with a name. */
    record JsonValue(String name, String json) {
    }

    /** A value for a path segment or a query value, already percent-encoded (or deliberately malformed). */
    record UrlValue(String name, String encoded) {
    }

    /** Strings a JSON text may carry: each one is valid JSON, none is sensible data. */
    static final List<JsonValue> STRINGS = List.of(
            new JsonValue("lone high surrogate", "\"fuzz\\ud800\""),
            new JsonValue("lone low surrogate", "\"\\udc00fuzz\""),
            new JsonValue("reversed surrogate pair", "\"\\udc00\\ud800\""),
            new JsonValue("NUL character", "\"fu\\u0000zz\""),
            new JsonValue("control characters", "\"\\u0001\\u0007\\u001b[31m\\u007f\""),
            new JsonValue("right-to-left override", "\"\\u202efuzz\\u202c\""),
            new JsonValue("zero-width and BOM", "\"\\u200b\\ufeff\\u200d\""),
            new JsonValue("emoji beyond the BMP", "\"\\ud83d\\ude00\\ud834\\udd1e\""),
            new JsonValue("combining marks", "\"Z\\u0351\\u0360\\u0361\\u0362\\u0363\\u0364\""),
            new JsonValue("noncharacters", "\"\\uffff\\ufffe\""),
            new JsonValue("only whitespace", "\"   \\t \""),
            new JsonValue("empty string", "\"\""),
            new JsonValue("line separators", "\"a\\u2028b\\u2029c\\r\\nd\""));

    /** Numbers at and past the edges of what Java, JSON parsers and the database hold. */
    static final List<JsonValue> NUMBERS = List.of(
            new JsonValue("negative", "-1"),
            new JsonValue("zero", "0"),
            new JsonValue("int max + 1", "2147483648"),
            new JsonValue("int min - 1", "-2147483649"),
            new JsonValue("long max + 1", "9223372036854775808"),
            new JsonValue("huge integer", "1" + "0".repeat(400)),
            new JsonValue("float for integer", "1.5"),
            new JsonValue("exponent", "1e3"),
            new JsonValue("huge exponent", "1e400"),
            new JsonValue("tiny exponent", "1e-400"),
            new JsonValue("negative zero", "-0.0"));

    /** Values of the wrong JSON type for any field. */
    static final List<JsonValue> WRONG_TYPES = List.of(
            new JsonValue("string", "\"fuzz\""),
            new JsonValue("number", "42"),
            new JsonValue("boolean", "true"),
            new JsonValue("null", "null"),
            new JsonValue("object", "{\"fuzz\":1}"),
            new JsonValue("array", "[1,\"two\"]"));

    /** Dates no calendar or no database column holds. */
    static final List<JsonValue> DATES = List.of(
            new JsonValue("year zero", "\"0000-01-01\""),
            new JsonValue("year 9999 end", "\"9999-12-31\""),
            new JsonValue("year beyond 9999", "\"+10000-01-01\""),
            new JsonValue("far past", "\"-999999999-01-01\""),
            new JsonValue("far future", "\"+999999999-12-31\""),
            new JsonValue("30 February", "\"2026-02-30\""),
            new JsonValue("month 13", "\"2026-13-01\""),
            new JsonValue("date with time", "\"2026-01-01T00:00:00Z\""),
            new JsonValue("not a date", "\"yesterday\""),
            new JsonValue("empty date", "\"\""));

    /** Whole bodies that are not the JSON they claim to be (or not an object). */
    static final List<JsonValue> MALFORMED_BODIES = List.of(
            new JsonValue("truncated object", "{\"a\":"),
            new JsonValue("trailing comma", "{\"a\":1,}"),
            new JsonValue("single quotes", "{'a':'b'}"),
            new JsonValue("unquoted key", "{a:1}"),
            new JsonValue("comment", "{/* fuzz */}"),
            new JsonValue("two documents", "{}{}"),
            new JsonValue("bare string", "\"fuzz\""),
            new JsonValue("bare number", "12"),
            new JsonValue("array instead of object", "[]"),
            new JsonValue("null body", "null"),
            new JsonValue("NaN", "{\"a\":NaN}"),
            new JsonValue("deep nesting", "[".repeat(5_000) + "]".repeat(5_000)),
            new JsonValue("deep object nesting", "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000)),
            new JsonValue("bad escape", "{\"a\":\"\\x41\"}"),
            new JsonValue("unterminated string", "{\"a\":\"fuzz}"));

    /** Path segments and query values as they go on the wire. */
    static final List<UrlValue> URL_VALUES = List.of(
            new UrlValue("empty", ""),
            new UrlValue("word", "fuzz"),
            new UrlValue("dot-dot", ".."),
            new UrlValue("encoded dot-dot", "%2e%2e"),
            new UrlValue("encoded slash", "a%2Fb"),
            new UrlValue("encoded backslash", "a%5Cb"),
            new UrlValue("encoded NUL", "a%00b"),
            new UrlValue("invalid UTF-8 escape", "%C3%28"),
            new UrlValue("overlong UTF-8 escape", "%C0%AF"),
            new UrlValue("lone surrogate as UTF-8 escape", "%ED%A0%80"),
            new UrlValue("byte FF escape", "%FF"),
            new UrlValue("malformed escape", "%zz"),
            new UrlValue("truncated escape", "%E2%82"),
            new UrlValue("raw non-UTF-8 byte", "\u00ff"),
            new UrlValue("emoji", "%F0%9F%98%80"),
            new UrlValue("fullwidth letters", "%EF%BC%A5%EF%BC%AE%EF%BC%B4"),
            new UrlValue("right-to-left override", "%E2%80%AEfuzz"),
            new UrlValue("spaces", "a%20b+c"),
            new UrlValue("semicolon matrix", "x;y=1"),
            new UrlValue("float", "1.5"),
            new UrlValue("negative", "-1"),
            new UrlValue("exponent", "1e3"),
            new UrlValue("int max + 1", "2147483648"),
            new UrlValue("long max + 1", "9223372036854775808"),
            new UrlValue("huge number", "9".repeat(200)),
            new UrlValue("long value", "a".repeat(5_000)));
}
