package ai.dify.delms.systemtests.fuzz;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.GatewayResponse;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The five services' OpenAPI documents as the gateway serves them ({@code /api/v1/docs/<service>}),
 * read with swagger-parser; and, per service, a validator of answers against its document.
 */
final class OpenApiDocuments {

    static final List<String> SERVICES = List.of("license-service", "customer-service", "sales-service",
            "deployment-service", "alert-service");

    private final List<ApiOperation> operations;
    private final Map<String, OpenApiInteractionValidator> validators;
    private final List<String> problems;

    private OpenApiDocuments(List<ApiOperation> operations, Map<String, OpenApiInteractionValidator> validators, List<String> problems) {
        this.operations = operations;
        this.validators = validators;
        this.problems = problems;
    }

    static OpenApiDocuments read(Gateway gateway) {
        List<ApiOperation> operations = new ArrayList<>();
        Map<String, OpenApiInteractionValidator> validators = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            GatewayResponse document = gateway.get("/api/v1/docs/" + service);
            if (document.status() != 200) {
                throw new IllegalStateException("no OpenAPI document for " + service + ": " + document);
            }
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            options.setResolveFully(true);
            SwaggerParseResult parsed = new OpenAPIParser().readContents(document.body(), null, options);
            if (parsed.getOpenAPI() == null) {
                throw new IllegalStateException("unreadable OpenAPI document of " + service + ": " + parsed.getMessages());
            }
            if (parsed.getMessages() != null) {
                parsed.getMessages().forEach(message -> problems.add(service + ": " + message));
            }
            operations.addAll(operationsOf(service, parsed.getOpenAPI()));
            // from the parsed model: the validator's own loader refuses a document with any such problem outright
            validators.put(service, OpenApiInteractionValidator.createFor(new OpenAPIParser().readContents(document.body(), null, null).getOpenAPI())
                    // POST answers 201 where the document says 200: a gap of the documents the
                    // suite reports once (see ApiFuzzIT), not for every accepted request
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                            // a mangled path that still reached a list (an empty id segment) has no template to check against
                            .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                            .build())
                    .build());
        }
        return new OpenApiDocuments(List.copyOf(operations), validators, List.copyOf(problems));
    }

    List<ApiOperation> operations() {
        return operations;
    }

    /** What swagger-parser finds wrong in the documents (each still usable). */
    List<String> problems() {
        return problems;
    }

    OpenApiInteractionValidator validator(String service) {
        return validators.get(service);
    }

    private static List<ApiOperation> operationsOf(String service, OpenAPI api) {
        List<ApiOperation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (method == PathItem.HttpMethod.HEAD || method == PathItem.HttpMethod.OPTIONS || method == PathItem.HttpMethod.TRACE) {
                return;
            }
            String verb = method.name().toUpperCase(Locale.ROOT);
            Schema<?> body = null;
            String mediaType = null;
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                Map.Entry<String, MediaType> content = operation.getRequestBody().getContent().entrySet().iterator().next();
                mediaType = content.getKey();
                body = content.getValue().getSchema();
                if (verb.equals("PATCH")) {
                    // a merge patch is documented as a bare JsonNode: its fields are those of the PUT beside it
                    body = putBodyOf(item, body);
                }
            }
            operations.add(new ApiOperation(service, verb, path, parametersOf(operation), body, mediaType, listedFields(operation)));
        }));
        return operations;
    }

    private static Schema<?> putBodyOf(PathItem item, Schema<?> fallback) {
        Operation put = item.getPut();
        if (put == null || put.getRequestBody() == null || put.getRequestBody().getContent() == null) {
            return fallback;
        }
        return put.getRequestBody().getContent().values().iterator().next().getSchema();
    }

    private static List<ApiOperation.Parameter> parametersOf(Operation operation) {
        List<ApiOperation.Parameter> parameters = new ArrayList<>();
        if (operation.getParameters() == null) {
            return parameters;
        }
        for (Parameter parameter : operation.getParameters()) {
            Schema<?> schema = parameter.getSchema();
            if ("query".equals(parameter.getIn()) && schema != null && schema.getProperties() != null
                    && parameter.getName().equals("pageable")) {
                // springdoc documents a Pageable argument as one object parameter; on the wire it is page, size and sort
                schema.getProperties().forEach((name, property) ->
                        parameters.add(new ApiOperation.Parameter("query", name, false, property)));
                continue;
            }
            parameters.add(new ApiOperation.Parameter(parameter.getIn(), parameter.getName(),
                    Boolean.TRUE.equals(parameter.getRequired()), schema == null ? new Schema<>().type("string") : schema));
        }
        return parameters;
    }

    private static Set<String> listedFields(Operation operation) {
        ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
        if (ok == null || ok.getContent() == null || ok.getContent().isEmpty()) {
            return Set.of();
        }
        Schema<?> schema = ok.getContent().values().iterator().next().getSchema();
        if (schema != null && schema.getProperties() != null && schema.getProperties().get("content") != null
                && schema.getProperties().get("content").getItems() != null) {
            schema = schema.getProperties().get("content").getItems();
        }
        return schema == null || schema.getProperties() == null ? Set.of() : new LinkedHashSet<>(schema.getProperties().keySet());
    }
}
