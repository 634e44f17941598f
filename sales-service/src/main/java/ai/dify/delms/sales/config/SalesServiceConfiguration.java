package ai.dify.delms.sales.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.security.ServiceAccessRules;

/** Who may call what (API.md's roles table). */
@Configuration(proxyBeanMethods = false)
class SalesServiceConfiguration {

    @Bean
    ServiceAccessRules salesAccessRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/sales-reps", "/api/v1/sales-reps/*").hasAnyRole(Roles.STAFF)
                .requestMatchers(HttpMethod.POST, "/api/v1/sales-reps").hasRole(Roles.ADMIN);
    }
}
