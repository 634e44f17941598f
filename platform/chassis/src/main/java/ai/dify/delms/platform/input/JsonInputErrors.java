package ai.dify.delms.platform.input;

import java.math.BigInteger;
import java.util.Set;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** What to tell the caller about a JSON value the chassis's strict reading refused. */
public final class JsonInputErrors {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, BigInteger.class);

    private JsonInputErrors() {
    }

    /** A message for the field whose value {@code failure} could not read. */
    public static String messageFor(JacksonException failure) {
        if (!(failure instanceof MismatchedInputException mismatch) || mismatch.getTargetType() == null) {
            return "has an invalid value";
        }
        Class<?> target = mismatch.getTargetType();
        if (mismatch instanceof InvalidFormatException invalid && WHOLE_NUMBERS.contains(target)
                && invalid.getValue() instanceof Number) {
            return "must be a whole number";
        }
        if (mismatch instanceof InvalidFormatException && target == String.class) {
            return WellFormedStringDeserializer.LONE_SURROGATE;
        }
        if (target == UUID.class) {
            // Jackson reports the refused empty string as a plain mismatch, without the value
            return "must be a UUID (an empty string is not one)";
        }
        return "has an invalid value";
    }
}
