package ai.dify.delms.gateway.security;

import ai.dify.delms.gateway.webapp.WebAppPaths;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AllAuthoritiesReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Arrays;

import static ai.dify.delms.platform.security.Roles.ADMIN;
import static ai.dify.delms.platform.security.Roles.ENGINEER;
import static ai.dify.delms.platform.security.Roles.PARTNER;
import static ai.dify.delms.platform.security.Roles.PARTNER_API_SCOPE;
import static ai.dify.delms.platform.security.Roles.SALES;
import static ai.dify.delms.platform.security.Roles.STAFF;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may call what through the gateway: the roles table of docs/security.md, in one place.
 * <p>
 * The gateway is the coarse first check; every service checks the token again and applies the
 * fine rules (e.g. sales may only schedule deployments, partners see only their own rows). Where a
 * path mixes capabilities of several roles, the gateway lets all staff through and the service
 * decides. Anything not listed here is denied: a path added to delms.routes (config/gateway.yml) stays closed
 * until a rule names it here; a path that no route serves falls through to a 404.
 */
final class AccessRules {

    private static final HttpMethod[] WRITES = {POST, PUT, PATCH};

    private AccessRules() {
    }

    static void apply(AuthorizeExchangeSpec rules, RouteLocator routes) {
        rules
                // Probes and metrics (served on the management port only) and the API docs are public;
                // the fallback is only reached by internal forwarding, never from outside.
                .pathMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                .pathMatchers(GET, "/api/v1/docs", "/api/v1/docs/**", "/api/v1/swagger-ui/**", "/v3/api-docs/swagger-config").permitAll()
                // The public keys license files are verified with: for anyone (customers' offline verifiers).
                .pathMatchers(GET, "/api/v1/license-keys/public").permitAll()
                .pathMatchers("/fallback/**").denyAll()
                // The browser app: its page, files, settings and deep links load before sign-in (it
                // then calls the API with a token). Reads only, never the API's paths, never a route.
                .matchers(webApp(routes)).permitAll()

                // Partner API: the partner role AND the partner-api scope of a partner client.
                .pathMatchers("/api/partner/v1/**").access(AllAuthoritiesReactiveAuthorizationManager
                        .hasAllAuthorities("ROLE_" + PARTNER, "SCOPE_" + PARTNER_API_SCOPE))

                // The services' audit logs: admins only.
                .pathMatchers(GET, "/api/v1/audit/*").hasRole(ADMIN)
                // The signing keys of license files: admins only.
                .pathMatchers("/api/v1/license-keys", "/api/v1/license-keys/**").hasRole(ADMIN)

                // Staff API. Reads: every staff role. A partner token is not staff: 403.
                .pathMatchers(GET, "/api/v1/**").hasAnyRole(STAFF)
                .pathMatchers(DELETE, "/api/v1/**").hasRole(ADMIN)
                // Writes (POST, PUT, PATCH), per resource.
                .matchers(writes("/api/v1/sales-reps/**", "/api/v1/resellers/**", "/api/v1/engineers/**")).hasRole(ADMIN)
                .matchers(writes("/api/v1/customers/**", "/api/v1/purchases/**")).hasAnyRole(ADMIN, SALES)
                // Mixed: licenses (create/update: admin, sales; usage: admin, engineer), deployments
                // (sales schedule, engineers run them), alerts (acknowledge: all staff).
                .matchers(writes("/api/v1/licenses/**", "/api/v1/deployments/**", "/api/v1/alerts/**")).hasAnyRole(STAFF)

                // Deny by default.
                .anyExchange().access(onlyWhereNoRouteMatches(routes));
    }

    private static ServerWebExchangeMatcher writes(String... patterns) {
        return new OrServerWebExchangeMatcher(Arrays.stream(WRITES)
                .map(method -> ServerWebExchangeMatchers.pathMatchers(method, patterns))
                .toList());
    }

    /**
     * GET or HEAD of a path the web app serves (see {@link WebAppPaths}) that no route serves: a route
     * outside /api stays closed until a rule names it, even for a GET.
     */
    private static ServerWebExchangeMatcher webApp(RouteLocator routes) {
        return exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            if (!(GET.equals(method) || HEAD.equals(method))
                    || !WebAppPaths.isAppPath(exchange.getRequest().getPath().pathWithinApplication().value())) {
                return MatchResult.notMatch();
            }
            return routed(routes, exchange).flatMap(routed -> routed ? MatchResult.notMatch() : MatchResult.match());
        };
    }

    /** Routed paths without a rule above are denied; unrouted ones pass on to answer 404. */
    private static ReactiveAuthorizationManager<AuthorizationContext> onlyWhereNoRouteMatches(RouteLocator routes) {
        return (authentication, context) -> routed(routes, context.getExchange())
                .map(routed -> new AuthorizationDecision(!routed));
    }

    private static Mono<Boolean> routed(RouteLocator routes, ServerWebExchange exchange) {
        return routes.getRoutes()
                .concatMap(route -> Mono.from(route.getPredicate().apply(exchange)))
                .any(Boolean::booleanValue);
    }
}
