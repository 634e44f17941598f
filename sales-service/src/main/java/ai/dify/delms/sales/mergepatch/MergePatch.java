package ai.dify.delms.sales.mergepatch;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import ai.dify.delms.platform.problem.ApiExceptionHandler;
import ai.dify.delms.platform.problem.BadFieldException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON merge patch (RFC 7396) onto a full-update request: the current state as the request type,
 * the patch applied (null removes a value), the result read and validated like a PUT body, so a
 * PATCH obeys exactly the rules of a PUT.
 */
@Component
public class MergePatch {

    /** Media type of a merge patch. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final JsonMapper json;
    private final Validator validator;

    MergePatch(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T apply(JsonNode patch, T current, Class<T> type) {
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
            throw new BadFieldException(ApiExceptionHandler.fieldPath(e), "has an invalid value");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
