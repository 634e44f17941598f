package ai.dify.delms.platform.idempotency;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for every POST of a servlet service with a database: the
 * {@link IdempotencyFilter} (after Spring Security, which identifies the caller) and a job that
 * forgets keys after {@code delms.idempotency.retention} (default one day). A claim whose request
 * has not finished after {@code delms.idempotency.claim-timeout} (default 60 s, above the gateway's
 * 8 s response timeout and any request's run time) counts as abandoned and a retry may take it over.
 * {@code delms.idempotency.enabled=false} switches it off.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(JdbcTemplate.class)
@ConditionalOnProperty(name = "delms.idempotency.enabled", havingValue = "true", matchIfMissing = true)
public class IdempotencyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyAutoConfiguration.class);

    @Bean
    IdempotencyStore idempotencyStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${delms.idempotency.claim-timeout:PT60S}") Duration claimTimeout) {
        return new IdempotencyStore(jdbc, transactionManager, clock, claimTimeout);
    }

    /** Ordered after the security filter chain (order -100): the caller is known when it runs. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store,
            PlatformTransactionManager transactionManager, JsonMapper json) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, transactionManager, json));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    ExpiredIdempotencyKeys expiredIdempotencyKeys(IdempotencyStore store,
            @Value("${delms.idempotency.retention:P1D}") Duration retention) {
        return new ExpiredIdempotencyKeys(store, retention);
    }

    /** Deletes keys past their retention, hourly. */
    static class ExpiredIdempotencyKeys {

        private final IdempotencyStore store;
        private final Duration retention;

        ExpiredIdempotencyKeys(IdempotencyStore store, Duration retention) {
            this.store = store;
            this.retention = retention;
        }

        @Scheduled(fixedDelayString = "${delms.idempotency.cleanup-interval:PT1H}",
                initialDelayString = "${delms.idempotency.cleanup-interval:PT1H}")
        void deleteExpired() {
            int deleted = store.deleteOlderThan(retention);
            if (deleted > 0) {
                log.debug("Forgot {} idempotency keys older than {}", deleted, retention);
            }
        }
    }
}
