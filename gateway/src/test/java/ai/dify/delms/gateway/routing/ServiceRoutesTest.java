package ai.dify.delms.gateway.routing;

import ai.dify.delms.gateway.routing.RouteTable.Bucket;
import ai.dify.delms.gateway.routing.RouteTable.RateLimits;
import ai.dify.delms.gateway.routing.RouteTable.ServicePaths;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceRoutesTest {

    private final Map<String, ServicePaths> services = new LinkedHashMap<>();
    private final RateLimits limits = new RateLimits(new Bucket(100, 200, 1), new Bucket(10, 20, 1));

    @Test
    void aServiceGetsItsStaffRouteWithItsAuditLogItsPartnerRouteAndItsDocs() {
        services.put("license-service", new ServicePaths(List.of("/api/v1/licenses/**"), List.of("/api/partner/v1/licenses/**")));

        Map<String, RouteDefinition> routes = routes();

        assertThat(routes).containsOnlyKeys("license-service", "license-service-partner", "license-service-docs");
        assertThat(routes.get("license-service").getUri()).hasToString("lb://license-service");
        assertThat(routes.get("license-service").getPredicates().get(0).getArgs())
                .containsValues("/api/v1/licenses/**", "/api/v1/audit/license-service");
        assertThat(routes.get("license-service-partner").getPredicates().get(0).getArgs())
                .containsOnly(Map.entry("_genkey_0", "/api/partner/v1/licenses/**"));
        assertThat(routes.get("license-service-docs").getPredicates().get(0).getArgs())
                .containsOnly(Map.entry("_genkey_0", "/api/v1/docs/license-service"));
    }

    @Test
    void everyRouteIsLimitedFirstThenBrokenByItsServicesBreakerThenRetriedOnConnectionErrorsOnly() {
        services.put("sales-service", new ServicePaths(List.of("/api/v1/purchases/**"), List.of("/api/partner/v1/x/**")));

        Map<String, RouteDefinition> routes = routes();

        assertThat(names(routes.get("sales-service"))).containsExactly("RequestRateLimiter", "CircuitBreaker", "Retry");
        assertThat(routes.get("sales-service").getFilters().get(0).getArgs())
                .containsEntry("redis-rate-limiter.replenishRate", "100").containsEntry("redis-rate-limiter.burstCapacity", "200");
        assertThat(routes.get("sales-service-partner").getFilters().get(0).getArgs())
                .containsEntry("redis-rate-limiter.replenishRate", "10").containsEntry("redis-rate-limiter.burstCapacity", "20");
        assertThat(routes.get("sales-service").getFilters().get(1).getArgs())
                .containsEntry("name", "sales-service").containsEntry("fallbackUri", "forward:/fallback/sales-service");
        assertThat(routes.get("sales-service").getFilters().get(2).getArgs())
                .containsEntry("methods", "GET").containsEntry("exceptions", "java.net.ConnectException");
        // the public document is not rate limited; it is rewritten to the service's own path
        assertThat(names(routes.get("sales-service-docs"))).containsExactly("SetPath", "CircuitBreaker", "Retry");
    }

    @Test
    void aServiceWithoutAPartnerApiHasNoPartnerRoute() {
        services.put("deployment-service", new ServicePaths(List.of("/api/v1/deployments/**"), null));

        assertThat(routes()).containsOnlyKeys("deployment-service", "deployment-service-docs");
    }

    private Map<String, RouteDefinition> routes() {
        Map<String, RouteDefinition> byId = new LinkedHashMap<>();
        new ServiceRoutes(new RouteTable(services, limits)).definitions().forEach(route -> byId.put(route.getId(), route));
        return byId;
    }

    private static List<String> names(RouteDefinition route) {
        return route.getFilters().stream().map(FilterDefinition::getName).toList();
    }
}
