package ai.dify.delms.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static ai.dify.delms.gateway.GatewaySecurityIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route added without a rule in AccessRules stays closed: the requests it would serve are
 * refused, even for an admin, and never reach the service behind it.
 */
@Import(GatewayDenyByDefaultIT.RoutesWithoutRules.class)
class GatewayDenyByDefaultIT extends LiveServicesTestSupport {

    @TestConfiguration
    static class RoutesWithoutRules {
        @Bean
        RouteLocator routesWithoutRules(RouteLocatorBuilder routes) {
            return routes.routes()
                    .route("internal-without-rule", r -> r.path("/internal/**").uri(licenses.uri()))
                    .route("new-resource-without-rule", r -> r.path("/api/v1/new-things/**").uri(licenses.uri()))
                    .build();
        }
    }

    @Test
    void aRouteOutsideEveryRuleIsForbiddenForEveryone() {
        int before = licenses.received().size();

        assertProblem(get("/internal/reindex", issuer.tokenFor("alice", "admin")), 403);
        assertProblem(get("/internal/reindex", null), 401);

        assertThat(licenses.received()).as("nothing reached the service").hasSize(before);
    }

    @Test
    void aWriteToANewResourceIsForbiddenUntilARuleNamesIt() {
        int before = licenses.received().size();

        assertProblem(send("POST", "/api/v1/new-things", issuer.tokenFor("alice", "admin")), 403);
        assertProblem(send("DELETE", "/api/v1/new-things/1", issuer.tokenFor("bob", "sales")), 403);

        assertThat(licenses.received()).as("nothing reached the service").hasSize(before);
    }
}
