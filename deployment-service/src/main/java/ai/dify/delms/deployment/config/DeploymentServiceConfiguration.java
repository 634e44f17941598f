package ai.dify.delms.deployment.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.security.ServiceAccessRules;

/** Who may call what (API.md's roles table). */
@Configuration(proxyBeanMethods = false)
class DeploymentServiceConfiguration {

    @Bean
    ServiceAccessRules deploymentAccessRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/engineers", "/api/v1/engineers/*").hasAnyRole(Roles.STAFF)
                .requestMatchers(HttpMethod.POST, "/api/v1/engineers").hasRole(Roles.ADMIN);
    }
}
