package ai.dify.delms.platform.security;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import ai.dify.delms.platform.security.tokens.CachingJwtDecoder;
import ai.dify.delms.platform.security.tokens.VerifiedTokenCaching;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is a stateless OAuth2 resource server: Keycloak JWTs checked for issuer, signature
 * (JWKS) and audience by Boot's decoder from the standard properties; realm roles become
 * authorities; public paths are health, info, metrics, API docs and the error page; the service's
 * {@link ServiceAccessRules} come next; anything else is denied.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity
public class DelmsSecurityAutoConfiguration {

    /** Paths anyone may call: probes and metrics scraping, API documents, and the error dispatch. */
    public static final String[] PUBLIC_PATHS = {
            "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error"};

    /**
     * Boot's JWT decoder, verifying each token once: the caller's next requests with the same token
     * are answered from {@link ai.dify.delms.platform.security.tokens.VerifiedTokens} (decision 36).
     */
    @Bean
    static BeanPostProcessor verifiedTokenCache(Environment environment, ObjectProvider<Clock> clock) {
        return VerifiedTokenCaching.of(environment, clock, JwtDecoder.class, CachingJwtDecoder.class,
                CachingJwtDecoder::new);
    }

    @Bean
    @ConditionalOnMissingBean
    KeycloakJwtAuthenticationConverter keycloakJwtAuthenticationConverter() {
        return new KeycloakJwtAuthenticationConverter();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain delmsSecurityFilterChain(HttpSecurity http, KeycloakJwtAuthenticationConverter converter,
            ObjectProvider<ServiceAccessRules> accessRules, JsonMapper json, ApplicationContext context) {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        Supplier<List<HandlerMapping>> handlerMappings = () -> context.getBeanProvider(HandlerMapping.class)
                .orderedStream().toList();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers(PUBLIC_PATHS).permitAll();
                    accessRules.orderedStream().forEach(serviceRules -> serviceRules.configure(rules));
                    rules.anyRequest().access(new UnmappedPathAuthorizationManager(handlerMappings));
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    WebMvcConfigurer currentActorWebMvcConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentActorArgumentResolver());
            }
        };
    }
}
