package ai.dify.delms.licensefile.json;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed JSON object with typed reads that fail with a {@link JsonException} naming the member, so
 * a reader states what it expects once and gets a clear message for anything else.
 */
public final class JsonObject {

    private final Map<String, Object> members;
    private final String name;

    private JsonObject(Map<String, Object> members, String name) {
        this.members = members;
        this.name = name;
    }

    /** @param name how messages call this object, e.g. "key 2" */
    @SuppressWarnings("unchecked")
    public static JsonObject of(Object value, String name) {
        if (!(value instanceof Map)) {
            throw new JsonException(name + " must be a JSON object");
        }
        return new JsonObject((Map<String, Object>) value, name);
    }

    public Set<String> names() {
        return members.keySet();
    }

    public boolean has(String member) {
        return members.containsKey(member);
    }

    /** The member, which must be present and a string. */
    public String string(String member) {
        Object value = require(member);
        if (!(value instanceof String s)) {
            throw wrongType(member, "a string");
        }
        return s;
    }

    /** The member as a string, empty when absent or null. */
    public Optional<String> optionalString(String member) {
        Object value = members.get(member);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw wrongType(member, "a string or null");
        }
        return Optional.of(s);
    }

    /** The member, which must be present and an integer (no fraction, no exponent) that fits a long. */
    public long longValue(String member) {
        return number(member).longValue(describe(member));
    }

    /** The member, which must be present and an integer (no fraction, no exponent) that fits an int. */
    public int intValue(String member) {
        return number(member).intValue(describe(member));
    }

    /** The member, which must be present and an array. */
    public List<Object> array(String member) {
        Object value = require(member);
        if (!(value instanceof List<?> list)) {
            throw wrongType(member, "an array");
        }
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) list;
        return items;
    }

    private JsonNumber number(String member) {
        Object value = require(member);
        if (!(value instanceof JsonNumber number)) {
            throw wrongType(member, "an integer");
        }
        return number;
    }

    private Object require(String member) {
        if (!members.containsKey(member)) {
            throw new JsonException(describe(member) + " is missing");
        }
        Object value = members.get(member);
        if (value == null) {
            throw new JsonException(describe(member) + " must not be null");
        }
        return value;
    }

    private JsonException wrongType(String member, String expected) {
        return new JsonException(describe(member) + " must be " + expected);
    }

    private String describe(String member) {
        return "\"" + member + "\" of " + name;
    }
}
