package ai.dify.delms.gateway.security;

import java.time.Clock;

import ai.dify.delms.platform.security.KeycloakJwtAuthenticationConverter;
import ai.dify.delms.platform.security.tokens.VerifiedTokenCaching;

import ai.dify.delms.gateway.problem.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway as an OAuth2 resource server: validates the bearer JWT locally (issuer, signature
 * from the cached JWKS, audience, expiry, all from the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties), applies {@link AccessRules},
 * and answers 401/403 as problem+json. The caller's Authorization header travels on to the
 * service unchanged, which checks it again.
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, RouteLocator routes, ProblemResponses problems,
            @Value("${delms.security.headers.content-security-policy}") String contentSecurityPolicy,
            @Value("${delms.security.headers.permissions-policy}") String permissionsPolicy) {
        var tokenToAuthentication = new KeycloakJwtAuthenticationConverter();

        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, e instanceof OAuth2AuthenticationException
                    ? "Bearer error=\"invalid_token\"" : "Bearer");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, e instanceof OAuth2AuthenticationException
                    ? "The bearer token is invalid or expired" : "A bearer token is required");
        };
        ServerAccessDeniedHandler forbidden = (exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                "Your roles do not allow " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath());

        return http
                // Stateless bearer-token API: no session, no CSRF token, no login page.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // Preflights are answered before authentication (they carry no token).
                .cors(Customizer.withDefaults())
                // On every answer, the services' included: the defaults (nosniff, frame DENY, no-store,
                // no-referrer) plus what the SPA and the API docs page need to be safe in a browser.
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                        .permissionsPolicy(permissions -> permissions.policy(permissionsPolicy)))
                .authorizeExchange(rules -> AccessRules.apply(rules, routes))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(tokenToAuthentication)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    /**
     * Boot's JWT decoder, verifying each token once: the caller's next requests with the same token
     * are answered from the verified-token cache (decision 36). The services behind verify it again,
     * each with a cache of its own.
     */
    @Bean
    static BeanPostProcessor verifiedTokenCache(Environment environment, ObjectProvider<Clock> clock) {
        return VerifiedTokenCaching.of(environment, clock, ReactiveJwtDecoder.class, CachingReactiveJwtDecoder.class,
                CachingReactiveJwtDecoder::new);
    }

    /** The CORS rules of config/gateway.yml ({@code globalcors}), also applied by security to preflights. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(GlobalCorsProperties cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.setCorsConfigurations(cors.getCorsConfigurations());
        return source;
    }
}
