package ai.dify.delms.licensefile.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void readsEveryKindOfValueAndKeepsMemberOrder() {
        Object value = Json.parse(" {\"b\": [1, -2.5e3, \"x\", true, false, null], \"a\": {}, \"c\": []}\n");

        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value;
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) object.get("b");
        assertThat(object.keySet()).containsExactly("b", "a", "c");
        assertThat(items).containsExactly(new JsonNumber("1"), new JsonNumber("-2.5e3"), "x",
                true, false, null);
        assertThat((Map<?, ?>) object.get("a")).isEmpty();
        assertThat((List<?>) object.get("c")).isEmpty();
    }

    @Test
    void refusesDuplicateMemberNamesAndSaysWhere() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  \"a\": 2\n}"))
                .isInstanceOf(JsonException.class)
                .hasMessage("duplicate member \"a\" (line 3, column 3)");
    }

    @Test
    void refusesDuplicatesThatOnlyDifferInEscaping() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1, \"\\u0061\": 2}")).hasMessageContaining("duplicate member \"a\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "{}{}", "1 2", "\"a\" \"b\"", "[] ,", "null null", "{}\u0000"})
    void refusesAnythingButWhitespaceAfterTheValue(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class)
                .hasMessageContaining("unexpected text after the JSON value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\ud800x\"", "\"\\udbff\\udbff\"",
            "\"a\ud800\"", "\"\udc00b\""})
    void refusesLoneSurrogatesEscapedOrRaw(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class).hasMessageContaining("lone surrogate");
    }

    @Test
    void readsSurrogatePairsEscapedAndRaw() {
        assertThat(Json.parse("\"\\ud83d\\ude00\"")).isEqualTo("\uD83D\uDE00");
        assertThat(Json.parse("\"\uD83D\uDE00\"")).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void readsEveryEscape() {
        assertThat(Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9\\u0000\"")).isEqualTo("\" \\ / \b \f \n \r \t é\0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"abc", "\"\\", "\"tab\there\"", "\"new\nline\""})
    void refusesBadStrings(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "-", "1.", ".5", "1e", "1e+", "+1", "--1", "0x10", "1.e5", "-01", "NaN", "Infinity"})
    void refusesNumbersOutsideTheGrammar(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "[1,", "{\"a\"}", "{\"a\":}", "{,}", "[1,]", "{\"a\":1,}", "{a:1}", "['a']",
            "tru", "nul", "True", "\u00a01", "{\"a\" 1}", "[1 2]"})
    void refusesTextThatIsNotJson(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }

    @Test
    void refusesNestingBeyondTheLimitButReadsUpToIt() {
        String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);
        assertThatThrownBy(() -> Json.parse(deep)).hasMessageContaining("nested deeper");
        String allowed = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(allowed)).isInstanceOf(List.class);
    }

    @Test
    void integersAreOnlyNumbersWithoutFractionOrExponent() {
        assertThat(new JsonNumber("5").intValue("n")).isEqualTo(5);
        assertThat(new JsonNumber("-0").longValue("n")).isZero();
        assertThat(new JsonNumber("9223372036854775807").longValue("n")).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> new JsonNumber("5.0").intValue("n")).hasMessage("n must be an integer, not 5.0");
        assertThatThrownBy(() -> new JsonNumber("5e0").intValue("n")).hasMessage("n must be an integer, not 5e0");
        assertThatThrownBy(() -> new JsonNumber("2147483648").intValue("n")).hasMessage("n is out of range: 2147483648");
        assertThatThrownBy(() -> new JsonNumber("9223372036854775808").longValue("n")).hasMessageContaining("out of range");
    }

    @Test
    void errorPositionsCountLinesAndColumns() {
        JsonException error = catchJson("{\n  \"a\": 1,\n  \"b\": tru\n}");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(8);
        assertThat(error.reason()).contains("true was expected");
    }

    @Test
    void quoteWritesTheOneCanonicalFormAndReadsBackToTheSameString() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        all.append("é€\u2028\uD83D\uDE00");
        String quoted = Json.quote(all.toString());
        assertThat(Json.parse(quoted)).isEqualTo(all.toString());
        assertThat(Json.quote("a\"b\\c\n\u0001\u001f/é")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\\u001f/é\"");
    }

    @Test
    void quoteRefusesLoneSurrogates() {
        assertThatThrownBy(() -> Json.quote("a\ud800")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.quote("\udc00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesCompactJsonInMapOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", Arrays.asList("x", null, true, 5L));
        map.put("m", Map.of());
        assertThat(Json.write(map)).isEqualTo("{\"z\":1,\"a\":[\"x\",null,true,5],\"m\":{}}");
        assertThat(Json.parse(Json.write(map))).isEqualTo(Json.parse("{\"z\":1,\"a\":[\"x\",null,true,5],\"m\":{}}"));
    }

    @Test
    void typedReadsNameTheMember() {
        JsonObject object = JsonObject.of(Json.parse("{\"s\":\"x\",\"n\":1.5,\"z\":null,\"i\":\"1\"}"), "the thing");
        assertThat(object.string("s")).isEqualTo("x");
        assertThat(object.optionalString("z")).isEmpty();
        assertThat(object.optionalString("missing")).isEmpty();
        assertThatThrownBy(() -> object.string("missing")).hasMessage("\"missing\" of the thing is missing");
        assertThatThrownBy(() -> object.string("z")).hasMessage("\"z\" of the thing must not be null");
        assertThatThrownBy(() -> object.intValue("n")).hasMessage("\"n\" of the thing must be an integer, not 1.5");
        assertThatThrownBy(() -> object.intValue("i")).hasMessage("\"i\" of the thing must be an integer");
        assertThatThrownBy(() -> object.array("s")).hasMessage("\"s\" of the thing must be an array");
        assertThatThrownBy(() -> JsonObject.of(List.of(), "the thing")).hasMessage("the thing must be a JSON object");
    }

    private static JsonException catchJson(String text) {
        try {
            Json.parse(text);
        } catch (JsonException e) {
            return e;
        }
        throw new AssertionError("parsed: " + text);
    }
}
