package ai.dify.delms.gateway.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import ai.dify.delms.gateway.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * Serves the browser app (the SPA built into {@code delms.web.dir}) on the gateway's origin:
 * <ul>
 * <li>{@code /assets/*}: hashed build output, cached for a year; a missing one is a 404;</li>
 * <li>other files at the top of the directory ({@code /favicon.svg}): revalidated on every use;</li>
 * <li>{@code /app-config.json}: the sign-in settings ({@link AppConfig});</li>
 * <li>every other GET outside the API without a file extension (a deep link): the app's
 * {@code index.html}, revalidated on every use, so a new build shows on the next load.</li>
 * </ul>
 * Without a built app these answer 404 problem+json and the API works as before. The answers keep
 * the browser security headers (CSP...); their explicit {@code Cache-Control} replaces the
 * {@code no-store} that security adds to every other answer.
 */
@Configuration
class WebAppRoutes {

    private static final Logger log = LoggerFactory.getLogger(WebAppRoutes.class);

    /** After the gateway's routes (order 1), before static resources: a routed path always reaches its service. */
    static final int ORDER = 10;

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    /** The issuer the gateway accepts tokens from, which is where the app signs in. */
    private static final String ISSUER =
            "${spring.security.oauth2.resourceserver.jwt.issuer-uri:${DELMS_ISSUER_URI:http://localhost:8180/realms/delms}}";

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /**
     * Its own mapping rather than a {@code RouterFunction} bean: those go to the mapping that runs
     * before the gateway's routes, where a deep-link rule could shadow a route.
     */
    @Bean
    RouterFunctionMapping webAppMapping(ServerCodecConfigurer codecs,
            @Value("${delms.web.dir:web/dist}") Path dir,
            @Value("${delms.web.authority:" + ISSUER + "}") String authority,
            @Value("${delms.web.client-id:delms-web}") String clientId,
            @Value("${delms.web.partner-scope:partner-api}") String partnerScope) {
        WebAppFiles files = new WebAppFiles(dir);
        if (files.index().isPresent()) {
            log.info("Serving the web app from {}", files.root());
        } else {
            log.warn("No web app at {} (no index.html): / answers 404 until it is built; set DELMS_WEB_DIR to its directory",
                    files.root());
        }
        RouterFunctionMapping mapping = new RouterFunctionMapping(
                routes(files, new AppConfig(authority, clientId, partnerScope)));
        mapping.setMessageReaders(codecs.getReaders());
        mapping.setOrder(ORDER);
        return mapping;
    }

    static RouterFunction<ServerResponse> routes(WebAppFiles files, AppConfig appConfig) {
        RequestPredicate read = RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD);
        return RouterFunctions.route()
                .route(read.and(RequestPredicates.path("/app-config.json")), request -> ServerResponse.ok()
                        .header(HttpHeaders.CACHE_CONTROL, REVALIDATE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(appConfig))
                .route(read.and(request -> request.path().startsWith(WebAppPaths.ASSETS)), request ->
                        files.asset(nameAfter(request, WebAppPaths.ASSETS))
                                .map(asset -> file(request, asset, null, IMMUTABLE))
                                .orElseGet(() -> Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND))))
                .route(read.and(request -> WebAppPaths.isRootFile(request.path())
                                && files.rootFile(nameAfter(request, "/")).isPresent()),
                        request -> file(request, files.rootFile(nameAfter(request, "/")).orElseThrow(), null, REVALIDATE))
                .route(read.and(request -> WebAppPaths.isDeepLink(request.path())), request -> files.index()
                        .map(index -> file(request, index, HTML, REVALIDATE))
                        .orElseGet(() -> notBuilt(request)))
                .build();
    }

    /** The file with its type guessed from its name unless given; answers 304 when the caller's copy is current. */
    private static Mono<ServerResponse> file(ServerRequest request, Path file, MediaType type, String cacheControl) {
        Instant modified = lastModified(file);
        return request.checkNotModified(modified).switchIfEmpty(Mono.defer(() -> {
            ServerResponse.BodyBuilder ok = ServerResponse.ok()
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                    .lastModified(modified);
            return (type == null ? ok : ok.contentType(type)).bodyValue(new FileSystemResource(file));
        }));
    }

    private static Mono<ServerResponse> notBuilt(ServerRequest request) {
        return ServerResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(ProblemResponses.problem(request.exchange(), HttpStatus.NOT_FOUND,
                        "The web app is not installed on this gateway: build it (npm run build in web/) "
                                + "or point DELMS_WEB_DIR at its directory"));
    }

    /** The decoded rest of the path after {@code prefix} (which it starts with); empty, so no file, if undecodable. */
    private static String nameAfter(ServerRequest request, String prefix) {
        try {
            return UriUtils.decode(request.path().substring(prefix.length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
