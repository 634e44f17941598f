package ai.dify.delms.platform.web;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;


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
 * ... mergePatch.apply(CustomerUpdateRequest.of(customers.get(id)), patch, CustomerUpdateRequest.class)
 * }</pre>
 */
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final JsonMapper json;
    private final Validator validator;

    public MergePatch(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * @param current the editable fields as they are now, in the PUT body's type
     * @param patch   the request body; {@code null} members remove a value
     * @return the PUT body the patch describes, validated
     */
    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw new BadFieldException("body", "must be a JSON object");
        }
        ObjectNode merged = json.valueToTree(current);
        patch.properties().forEach(field -> {
            if (field.getValue().isNull()) {
                merged.remove(field.getKey());
            } else {
                merged.set(field.getKey(), field.getValue());
            }
        });
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
