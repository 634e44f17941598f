package ai.dify.delms.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * What each service serves through the gateway ({@code delms.routes} in config/gateway.yml), keyed
 * by the service's id in discovery: the path patterns of its staff API and of its partner API.
 * Adding a path or a service is one line there; {@link ServiceRoutes} builds the routes.
 */
@ConfigurationProperties("delms")
record RouteTable(Map<String, ServicePaths> routes, RateLimits rateLimit) {

    RouteTable {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
    }

    record ServicePaths(List<String> staff, List<String> partner) {

        ServicePaths {
            staff = staff == null ? List.of() : List.copyOf(staff);
            partner = partner == null ? List.of() : List.copyOf(partner);
        }
    }

    /** Token buckets per caller: {@code replenish-rate} tokens a second, at most {@code burst-capacity}. */
    record RateLimits(Bucket staff, Bucket partner) {
    }

    record Bucket(int replenishRate, int burstCapacity, int requestedTokens) {
    }
}
