package ai.dify.delms.customer.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ai.dify.delms.platform.partner.PartnerAccess;
import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.security.ServiceAccessRules;

/**
 * Who may call which endpoint of customer-service (docs/security.md, "Roles"; the endpoints are those
 * of its OpenAPI document). Anything not listed is denied.
 */
@Configuration(proxyBeanMethods = false)
class CustomerServiceConfiguration {

    @Bean
    ServiceAccessRules customerAccessRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/customers", "/api/v1/customers/*").hasAnyRole(Roles.STAFF)
                .requestMatchers(HttpMethod.POST, "/api/v1/customers").hasAnyRole(Roles.ADMIN, Roles.SALES)
                .requestMatchers(HttpMethod.PUT, "/api/v1/customers/*").hasAnyRole(Roles.ADMIN, Roles.SALES)
                .requestMatchers(HttpMethod.PATCH, "/api/v1/customers/*").hasAnyRole(Roles.ADMIN, Roles.SALES)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/customers/*").hasRole(Roles.ADMIN);
    }

    /** {@code /api/partner/v1/customers...}: partners only (role, scope and reseller claim), filtered to their reseller. */
    @Bean
    ServiceAccessRules partnerAccessRules() {
        return PartnerAccess.rules();
    }
}
