package ai.dify.delms.alert.config;


import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ai.dify.delms.alert.evaluation.ScanProperties;
import ai.dify.delms.alert.rules.AlertRulesProperties;
import ai.dify.delms.platform.partner.PartnerAccess;
import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.security.ServiceAccessRules;

/** Who may call what (docs/security.md, "Roles"), and the rule and scan settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AlertRulesProperties.class, ScanProperties.class})
class AlertServiceConfiguration {

    @Bean
    ServiceAccessRules alertAccessRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/v1/alerts/rebuild").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/v1/alerts", "/api/v1/alerts/*", "/api/v1/stats/alerts")
                        .hasAnyRole(Roles.STAFF)
                .requestMatchers(HttpMethod.POST, "/api/v1/alerts/*/acknowledge").hasAnyRole(Roles.STAFF);
    }

    /** {@code /api/partner/v1/alerts...}: partners only (role, scope and reseller claim), filtered to their reseller. */
    @Bean
    ServiceAccessRules partnerAccessRules() {
        return PartnerAccess.rules();
    }
}
