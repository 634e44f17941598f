package ai.dify.delms.platform.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import ai.dify.delms.platform.problem.BadFieldException;

/**
 * The raw values of the {@code sort} parameter, read the way Spring Data reads them
 * ({@code sort=a,b,desc&sort=c}: properties separated by commas, a direction last), but strictly:
 * a property is a (dotted) Java identifier and the only directions are {@code asc} and {@code desc}.
 * Anything else ({@code name;DROP TABLE x}, {@code LENGTH(id)}, {@code ignorecase}) is a 400 naming
 * {@code sort}, never an expression handed to the query.
 */
final class SortParameter {

    static final String NAME = "sort";
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");

    private SortParameter() {
    }

    /** The properties named by {@code values} (null: none), after checking their syntax. */
    static List<String> properties(String[] values) {
        List<String> properties = new ArrayList<>();
        if (values == null) {
            return properties;
        }
        for (String value : values) {
            String[] parts = value.split(",", -1);
            int last = parts.length - 1;
            for (int i = 0; i <= last; i++) {
                String part = parts[i];
                if (part.isEmpty() || i == last && i > 0 && isDirection(part)) {
                    continue;
                }
                if (!PROPERTY.matcher(part).matches()) {
                    throw new BadFieldException(NAME, "'" + part + "' is not a property name; use sort=<property>"
                            + " or sort=<property>,asc|desc");
                }
                properties.add(part);
            }
        }
        return properties;
    }

    private static boolean isDirection(String part) {
        return part.equalsIgnoreCase("asc") || part.equalsIgnoreCase("desc");
    }
}
