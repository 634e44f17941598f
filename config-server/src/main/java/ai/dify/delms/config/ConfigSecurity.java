package ai.dify.delms.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every configuration request needs HTTP basic auth (spring.security.user from DELMS_CONFIG_USER
 * and DELMS_CONFIG_PASSWORD); the actuator's probes and metrics stay open for the platform
 * (docs/decisions.md, 24).
 */
@Configuration(proxyBeanMethods = false)
class ConfigSecurity {

    @Bean
    SecurityFilterChain configFilterChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                // Config clients are programs that send their credentials with every request: no
                // browser session to ride on, so no CSRF token.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
