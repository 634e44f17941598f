package ai.dify.delms.alert.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.security.ServiceAccessRules;

/** Who may call what (API.md's roles table). */
@Configuration(proxyBeanMethods = false)
class AlertServiceConfiguration {

    @Bean
    ServiceAccessRules alertAccessRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/alerts", "/api/v1/alerts/*").hasAnyRole(Roles.STAFF);
    }
}
