package ai.dify.delms.license.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ai.dify.delms.platform.partner.PartnerAccess;
import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.security.ServiceAccessRules;

/**
 * Who may call which endpoint of license-service (docs/security.md, "Roles"; the endpoints are those of
 * its OpenAPI document). Anything not listed is denied.
 * Staff rules never name partner paths; partner tokens have no staff role, so staff paths refuse them.
 */
@Configuration(proxyBeanMethods = false)
class LicenseServiceConfiguration {

    @Bean
    ServiceAccessRules licenseAccessRules() {
        return rules -> rules
                // before the rules for /api/v1/licenses/*, which the path would match too
                .requestMatchers(HttpMethod.GET, "/api/v1/licenses/snapshots").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/licenses/snapshots").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/v1/licenses", "/api/v1/licenses/*", "/api/v1/licenses/*/changes",
                        "/api/v1/licenses/*/usage", "/api/v1/licenses/*/timeline", "/api/v1/licenses/*/file",
                        "/api/v1/licenses/*/files", "/api/v1/licenses/*/instances", "/api/v1/stats/licenses")
                .hasAnyRole(Roles.STAFF)
                // UsageService checks the same rule: it is also reached by other channels later
                .requestMatchers(HttpMethod.POST, "/api/v1/licenses/*/usage").hasAnyRole(Roles.ADMIN, Roles.ENGINEER)
                // air-gapped instances send their usage as files: the same people report it
                .requestMatchers(HttpMethod.POST, "/api/v1/licenses/*/instances", "/api/v1/licenses/*/instances/*/deactivate",
                        "/api/v1/licenses/*/usage-reports/import").hasAnyRole(Roles.ADMIN, Roles.ENGINEER)
                .requestMatchers(HttpMethod.POST, "/api/v1/licenses").hasAnyRole(Roles.ADMIN, Roles.SALES)
                .requestMatchers(HttpMethod.PUT, "/api/v1/licenses/*").hasAnyRole(Roles.ADMIN, Roles.SALES)
                .requestMatchers(HttpMethod.PATCH, "/api/v1/licenses/*").hasAnyRole(Roles.ADMIN, Roles.SALES)
                // which targets sales may set (not TERMINATED) is decided per request by LicenseService
                .requestMatchers(HttpMethod.POST, "/api/v1/licenses/*/transitions").hasAnyRole(Roles.ADMIN, Roles.SALES);
    }

    /**
     * {@code /api/v1/license-keys}: the signing keys of license files are admins' alone; their public
     * keys document is for anyone, without a token (customers' verifiers fetch it).
     */
    @Bean
    ServiceAccessRules licenseKeyAccessRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/license-keys/public").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/license-keys", "/api/v1/license-keys/*").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/license-keys", "/api/v1/license-keys/*/revoke")
                .hasRole(Roles.ADMIN);
    }

    /** {@code /api/partner/v1/licenses...}: partners only (role, scope and reseller claim), filtered to their reseller. */
    @Bean
    ServiceAccessRules partnerAccessRules() {
        return PartnerAccess.rules();
    }
}
