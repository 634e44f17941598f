package ai.dify.delms.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The one place where a service declares who may call which of its endpoints. The chassis applies
 * every such bean after its public paths (health, API docs, error) and before its final rule, which
 * denies everything not listed: an endpoint nobody declared answers 403 to an authenticated caller.
 *
 * <pre>{@code
 * @Bean
 * ServiceAccessRules customerAccessRules() {
 *     return rules -> rules
 *             .requestMatchers(HttpMethod.GET, "/api/v1/customers", "/api/v1/customers/*").hasAnyRole(Roles.STAFF)
 *             .requestMatchers(HttpMethod.POST, "/api/v1/customers").hasAnyRole(Roles.ADMIN, Roles.SALES)
 *             .requestMatchers(HttpMethod.DELETE, "/api/v1/customers/*").hasRole(Roles.ADMIN);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ServiceAccessRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
