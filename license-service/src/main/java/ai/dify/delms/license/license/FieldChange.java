package ai.dify.delms.license.license;

import java.util.Objects;

/** One changed field of a license, values as strings (null for empty). */
public record FieldChange(String field, String oldValue, String newValue) {

    static FieldChange of(String field, Object oldValue, Object newValue) {
        return new FieldChange(field, oldValue == null ? null : oldValue.toString(),
                newValue == null ? null : newValue.toString());
    }

    static boolean differs(Object a, Object b) {
        return !Objects.equals(a, b);
    }
}
