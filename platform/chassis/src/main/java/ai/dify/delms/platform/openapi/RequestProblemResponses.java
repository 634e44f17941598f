package ai.dify.delms.platform.openapi;

import java.util.Arrays;
import java.util.Optional;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

import ai.dify.delms.platform.paging.PageParametersInterceptor;
import ai.dify.delms.platform.paging.Sortable;
import ai.dify.delms.platform.reference.ChecksReferences;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The problems every operation may answer because of how the chassis reads requests, checks
 * references and runs transactions, next to the responses springdoc derives: 400 for a refused
 * parameter or body, 503 for a reference its owner could not be asked about ({@link ChecksReferences})
 * and for a write whose rows stayed locked through the retries. A list's {@code page} and
 * {@code sort} parameters say what they accept ({@link Sortable}).
 */
final class RequestProblemResponses implements OperationCustomizer {

    static final String BAD_REQUEST = "A parameter or the body is not acceptable (wrong type, out of range, a sort "
            + "property the list does not offer, a fraction for an integer, an empty string for an id, text that is "
            + "not well-formed Unicode): problem+json whose errors name the fields.";
    static final String LOCKED = "The rows this write needs stayed locked by other changes through its retries: "
            + "problem+json of type urn:delms:problem:unavailable, with Retry-After. Nothing was changed; send the "
            + "request again.";

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        boolean takesInput = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || operation.getRequestBody() != null;
        if (takesInput) {
            add(operation, "400", BAD_REQUEST);
        }
        if (handlerMethod.hasMethodAnnotation(ChecksReferences.class)) {
            add(operation, "503", ChecksReferences.RESPONSE);
        }
        if (isWrite(handlerMethod)) {
            add(operation, "503", LOCKED);
        }
        describePaging(operation, handlerMethod);
        return operation;
    }

    private static boolean isWrite(HandlerMethod handlerMethod) {
        return !handlerMethod.hasMethodAnnotation(GetMapping.class);
    }

    /** Adds a problem response, or appends to the description of one already listed. */
    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponse existing = operation.getResponses().get(status);
        if (existing == null) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType("application/problem+json", new MediaType())));
        } else if (existing.getDescription() == null || !existing.getDescription().contains(description)) {
            existing.setDescription(existing.getDescription() == null ? description
                    : existing.getDescription() + " Or: " + Character.toLowerCase(description.charAt(0))
                            + description.substring(1));
        }
    }

    private static void describePaging(Operation operation, HandlerMethod handlerMethod) {
        Optional<MethodParameter> pageable = Arrays.stream(handlerMethod.getMethodParameters())
                .filter(p -> Pageable.class.isAssignableFrom(p.getParameterType())).findFirst();
        if (pageable.isEmpty() || operation.getParameters() == null) {
            return;
        }
        Sortable sortable = pageable.get().getParameterAnnotation(Sortable.class);
        for (Parameter parameter : operation.getParameters()) {
            if ("page".equals(parameter.getName())) {
                parameter.setDescription("Zero-based page index, 0 to " + PageParametersInterceptor.MAX_PAGE + ".");
            } else if ("sort".equals(parameter.getName()) && sortable != null) {
                parameter.setDescription("Sort by <property>[,asc|desc], repeatable; properties: "
                        + String.join(", ", sortable.value()) + ". Anything else is a 400.");
            }
        }
    }
}
