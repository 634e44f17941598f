package ai.dify.delms.platform.input;

import java.math.BigInteger;
import java.util.Set;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/** What to tell the caller about a JSON value the chassis's strict reading refused. */
public final class JsonInputErrors {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, BigInteger.class);

    private JsonInputErrors() {
    }

    /** A message for the field whose value {@code failure} could not read. */
    public static String messageFor(JacksonException failure) {
        if (failure instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            Class<?> target = invalid.getTargetType();
            if (WHOLE_NUMBERS.contains(target) && invalid.getValue() instanceof Number) {
                return "must be a whole number";
            }
            if (target == String.class) {
                return WellFormedStringDeserializer.LONE_SURROGATE;
            }
            if (target == UUID.class && "".equals(invalid.getValue())) {
                return "must be a UUID or null, not an empty string";
            }
        }
        return "has an invalid value";
    }
}
