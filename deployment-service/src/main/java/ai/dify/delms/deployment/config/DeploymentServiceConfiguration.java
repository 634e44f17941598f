package ai.dify.delms.deployment.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.security.ServiceAccessRules;

/**
 * Who may call what (docs/security.md, "Roles"); anything not listed is denied. The services repeat
 * the write rules with method security, so a new endpoint cannot bypass them.
 */
@Configuration(proxyBeanMethods = false)
class DeploymentServiceConfiguration {

    @Bean
    ServiceAccessRules deploymentAccessRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/engineers", "/api/v1/engineers/*").hasAnyRole(Roles.STAFF)
                .requestMatchers(HttpMethod.POST, "/api/v1/engineers").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.PUT, "/api/v1/engineers/*").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.PATCH, "/api/v1/engineers/*").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/engineers/*").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/v1/deployments", "/api/v1/deployments/*",
                        "/api/v1/deployments/*/history", "/api/v1/stats/deployments").hasAnyRole(Roles.STAFF)
                // sales may schedule, but not change or move a deployment
                .requestMatchers(HttpMethod.POST, "/api/v1/deployments").hasAnyRole(Roles.STAFF)
                .requestMatchers(HttpMethod.PUT, "/api/v1/deployments/*").hasAnyRole(Roles.ADMIN, Roles.ENGINEER)
                .requestMatchers(HttpMethod.PATCH, "/api/v1/deployments/*").hasAnyRole(Roles.ADMIN, Roles.ENGINEER)
                .requestMatchers(HttpMethod.POST, "/api/v1/deployments/*/transitions")
                .hasAnyRole(Roles.ADMIN, Roles.ENGINEER)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/deployments/*").hasRole(Roles.ADMIN);
    }
}
