package ai.dify.delms.platform.web;

import java.util.Arrays;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.springframework.dao.OptimisticLockingFailureException;

import ai.dify.delms.platform.input.JsonInputErrors;
import ai.dify.delms.platform.problem.ApiExceptionHandler;
import ai.dify.delms.platform.problem.BadFieldException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a JSON merge patch (RFC 7396) to the PUT body of a resource's current state and validates
 * the result like a PUT body, so PATCH and PUT share one set of rules. A bean in every service:
 * <pre>{@code
 * @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
 * Customer current = customers.get(id);
 * ... mergePatch.apply(CustomerUpdateRequest.of(current), current.getVersion(), patch, CustomerUpdateRequest.class)
 * }</pre>
 * The result carries the version the state was read at as its {@code version}: the fields the patch
 * leaves alone come from that read, so the update must fail (409) if the resource changed since,
 * never write them back over another's edit (docs/decisions.md, 22).
 */
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";
    private static final String VERSION = "version";
    /** For a PATCH operation's OpenAPI description: what a concurrent change does. */
    public static final String CONCURRENT_CHANGE = "The patch is applied to the state read for it: a change "
            + "committed by someone else before it is written is a 409, never overwritten.";

    private final JsonMapper json;
    private final Validator validator;

    public MergePatch(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * @param current     the editable fields as they are now, in the PUT body's type, a record with a
     *                    {@code version} component (the optimistic-lock version the update checks)
     * @param readVersion the version of the resource {@code current} was read from
     * @param patch       the request body; {@code null} members remove a value
     * @return the PUT body the patch describes, validated, with {@code version} = {@code readVersion}
     * @throws OptimisticLockingFailureException if the patch names another {@code version} (409)
     */
    public <T extends Record> T apply(T current, long readVersion, JsonNode patch, Class<T> type) {
        if (Arrays.stream(type.getRecordComponents()).noneMatch(c -> c.getName().equals(VERSION))) {
            throw new IllegalArgumentException(type.getName() + " has no " + VERSION + " to carry the version read");
        }
        if (patch == null || !patch.isObject()) {
            throw new BadFieldException("body", "must be a JSON object");
        }
        JsonNode sentVersion = patch.get(VERSION);
        if (sentVersion != null && !sentVersion.isNull()
                && !(sentVersion.canConvertToLong() && sentVersion.asLong() == readVersion)) {
            throw new OptimisticLockingFailureException("The patch names version " + sentVersion
                    + "; the resource is at version " + readVersion + ".");
        }
        ObjectNode merged = json.valueToTree(current);
        patch.properties().forEach(field -> {
            if (field.getValue().isNull()) {
                merged.remove(field.getKey());
            } else {
                merged.set(field.getKey(), field.getValue());
            }
        });
        merged.put(VERSION, readVersion);
        T request;
        try {
            request = json.treeToValue(merged, type);
        } catch (JacksonException e) {
            throw new BadFieldException(ApiExceptionHandler.fieldPath(e), JsonInputErrors.messageFor(e));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
