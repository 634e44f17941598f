package ai.dify.delms.platform.input;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Reads a JSON string like Jackson does, but refuses one holding a lone surrogate
 * ({@code "a\ud800b"}): it is not Unicode text, the database would store it as {@code a?b} while
 * the answer echoed the original. A surrogate pair (an emoji) is text like any other.
 */
final class WellFormedStringDeserializer extends StringDeserializer {

    static final String LONE_SURROGATE = "is not well-formed Unicode text (it holds a lone surrogate)";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        String value = super.deserialize(parser, context);
        if (value != null && hasLoneSurrogate(value)) {
            throw context.weirdStringException(value, String.class, LONE_SURROGATE);
        }
        return value;
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
