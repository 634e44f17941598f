package ai.dify.delms.gateway.routing;

import ai.dify.delms.gateway.routing.RouteTable.Bucket;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import reactor.core.publisher.Flux;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The gateway's routes, built from {@link RouteTable} so that every route of a service gets the
 * same filters: a rate limit per caller (API routes; before the breaker, because a refused request
 * is the caller's doing, never a service failure), a circuit breaker named after the service whose
 * fallback answers 503 or 504 problem+json ({@code /fallback/<service>}), and up to two retries of
 * a GET on connection errors only (a stopped instance; never a slow one, never a 5xx).
 * <p>
 * Per service: {@code <service>} for its staff API and its audit log
 * ({@code /api/v1/audit/<service>}), {@code <service>-partner} for its partner API with the
 * partners' stricter limit, and {@code <service>-docs}: its OpenAPI document, public, at
 * {@code /api/v1/docs/<service>} for the one Swagger UI ({@link ApiDocsLinks}).
 */
class ServiceRoutes implements RouteDefinitionLocator {

    static final String AUDIT_PATH = "/api/v1/audit/";
    static final String DOCS_PATH = "/api/v1/docs/";

    private final RouteTable table;

    ServiceRoutes(RouteTable table) {
        this.table = table;
    }

    @Override
    public Flux<RouteDefinition> getRouteDefinitions() {
        return Flux.fromIterable(definitions());
    }

    List<RouteDefinition> definitions() {
        List<RouteDefinition> routes = new ArrayList<>();
        table.routes().forEach((service, paths) -> {
            List<String> staff = Stream.concat(paths.staff().stream(), Stream.of(AUDIT_PATH + service)).toList();
            routes.add(route(service, service, staff, rateLimit(table.rateLimit().staff())));
            if (!paths.partner().isEmpty()) {
                routes.add(route(service + "-partner", service, paths.partner(), rateLimit(table.rateLimit().partner())));
            }
            routes.add(route(service + "-docs", service, List.of(DOCS_PATH + service), new FilterDefinition("SetPath=/v3/api-docs")));
        });
        return routes;
    }

    private static RouteDefinition route(String id, String service, List<String> paths, FilterDefinition first) {
        RouteDefinition route = new RouteDefinition();
        route.setId(id);
        route.setUri(URI.create("lb://" + service));
        route.setPredicates(List.of(new PredicateDefinition("Path=" + String.join(",", paths))));
        route.setFilters(List.of(first, circuitBreaker(service), retryConnectErrors()));
        return route;
    }

    private static FilterDefinition rateLimit(Bucket bucket) {
        return filter("RequestRateLimiter", Map.of(
                "key-resolver", "#{@callerKeyResolver}",
                "redis-rate-limiter.replenishRate", String.valueOf(bucket.replenishRate()),
                "redis-rate-limiter.burstCapacity", String.valueOf(bucket.burstCapacity()),
                "redis-rate-limiter.requestedTokens", String.valueOf(bucket.requestedTokens())));
    }

    private static FilterDefinition circuitBreaker(String service) {
        return filter("CircuitBreaker", Map.of("name", service, "fallbackUri", "forward:/fallback/" + service));
    }

    private static FilterDefinition retryConnectErrors() {
        return filter("Retry", Map.of("retries", "2", "methods", "GET", "series", "",
                "exceptions", "java.net.ConnectException"));
    }

    private static FilterDefinition filter(String name, Map<String, String> args) {
        FilterDefinition filter = new FilterDefinition();
        filter.setName(name);
        filter.setArgs(new LinkedHashMap<>(args));
        return filter;
    }
}
