package ai.dify.delms.platform.openapi;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import ai.dify.delms.platform.reference.ChecksReferences;
import ai.dify.delms.platform.security.CurrentActor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The service's OpenAPI document at {@code /v3/api-docs}: titled after the application, every
 * operation secured by a bearer JWT (Keycloak realm {@code delms}), and the problems of
 * {@link RequestProblemResponses} (the 503 of every endpoint marked {@link ChecksReferences} among
 * them). A service may declare its own {@link OpenAPI} bean instead.
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, SpringDocUtils.class})
public class OpenApiAutoConfiguration {

    public static final String BEARER_SCHEME = "bearer-jwt";

    static {
        // resolved from the token, not a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentActor.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI delmsOpenApi(Environment environment) {
        String application = environment.getProperty("spring.application.name", "DELMS service");
        String description = environment.getProperty("delms.api.description",
                "DELMS " + application + " API. Errors are RFC 9457 problem details.");
        return new OpenAPI()
                .info(new Info().title("DELMS " + application).version(environment.getProperty("delms.api.version", "v1"))
                        .description(description))
                .components(new Components().addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Access token of the Keycloak realm delms")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }

    /**
     * The refusals the chassis makes before any handler runs, on every operation they apply to: 406
     * where there is an answer body to negotiate, 413 where there is a request body.
     */
    @Bean
    OperationCustomizer refusedBeforeRunningResponses() {
        return (operation, handlerMethod) -> {
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            boolean answersWithABody = operation.getResponses().entrySet().stream()
                    .anyMatch(r -> r.getKey().startsWith("2") && r.getValue().getContent() != null
                            && !r.getValue().getContent().isEmpty());
            if (answersWithABody) {
                operation.getResponses().putIfAbsent("406", problem(
                        "The Accept header names no representation of the answer (it is JSON); nothing was changed."));
            }
            if (operation.getRequestBody() != null) {
                operation.getResponses().putIfAbsent("413", problem(
                        "The request body is larger than the limit (1 MB by default); nothing was changed."));
            }
            return operation;
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType()));
    }

    /**
     * Adds the problems of refused input, of {@link ChecksReferences} and of locked rows to the
     * responses springdoc derived, which stay as they are, and describes paging parameters.
     */
    @Bean
    OperationCustomizer requestProblemResponses() {
        return new RequestProblemResponses();
    }
}
