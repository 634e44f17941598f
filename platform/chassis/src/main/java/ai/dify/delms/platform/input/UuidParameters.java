package ai.dify.delms.platform.input;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.convert.converter.Converter;

import ai.dify.delms.platform.problem.InvalidValueException;

/**
 * Reads every UUID query or path parameter in its canonical form only (8-4-4-4-12 hexadecimal
 * digits): {@link UUID#fromString} also takes shortened groups ({@code 1-2-3-4-5}), so a truncated
 * id would quietly name another resource, or none, and answer 200 with an empty list.
 */
final class UuidParameters implements Converter<String, UUID> {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    public UUID convert(String source) {
        // only the empty value means "not given": a NUL or a space is not trimmed away into it
        if (source.isEmpty()) {
            return null;
        }
        if (!CANONICAL.matcher(source).matches()) {
            throw new InvalidValueException("must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
        }
        return UUID.fromString(source);
    }
}
