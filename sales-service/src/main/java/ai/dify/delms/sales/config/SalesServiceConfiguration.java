package ai.dify.delms.sales.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.security.ServiceAccessRules;

/**
 * Who may call what (docs/security.md, "Roles"; the endpoints are those of the service's OpenAPI
 * document): staff read; admins manage reps and resellers; admin and sales record purchases.
 */
@Configuration(proxyBeanMethods = false)
class SalesServiceConfiguration {

    @Bean
    ServiceAccessRules salesAccessRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/sales-reps", "/api/v1/sales-reps/*", "/api/v1/resellers",
                        "/api/v1/resellers/*", "/api/v1/purchases", "/api/v1/purchases/*", "/api/v1/stats/sales")
                .hasAnyRole(Roles.STAFF)
                .requestMatchers(HttpMethod.POST, "/api/v1/sales-reps", "/api/v1/resellers").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.PUT, "/api/v1/sales-reps/*", "/api/v1/resellers/*").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.PATCH, "/api/v1/sales-reps/*", "/api/v1/resellers/*").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/sales-reps/*", "/api/v1/resellers/*").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/purchases").hasAnyRole(Roles.ADMIN, Roles.SALES);
    }
}
