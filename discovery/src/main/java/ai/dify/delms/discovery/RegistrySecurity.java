package ai.dify.delms.discovery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The registry and its dashboard need HTTP basic auth (spring.security.user from DELMS_EUREKA_USER
 * and DELMS_EUREKA_PASSWORD); the actuator's probes and metrics stay open for the platform
 * (docs/decisions.md, 24).
 */
@Configuration(proxyBeanMethods = false)
class RegistrySecurity {

    @Bean
    SecurityFilterChain registryFilterChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                // Eureka clients are programs that send their credentials with every request: no
                // browser session to ride on, so no CSRF token (which they could not send anyway).
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
