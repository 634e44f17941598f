package ai.dify.delms.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Time as a service and the chassis see it: one {@link Clock} (tests replace it with their own
 * bean) and the {@link BusinessTimeZone} of {@value BusinessTimeZone#PROPERTY}; a zone Java does not
 * know stops the start.
 */
@AutoConfiguration
public class TimeAutoConfiguration {

    /**
     * UTC, ticking in whole microseconds: the precision the databases keep ({@code DATETIME(6)}), so an
     * instant a response or an event carries is the one a later read returns.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean
    BusinessTimeZone businessTimeZone(Environment environment) {
        return new BusinessTimeZone(ZoneId.of(environment.getRequiredProperty(BusinessTimeZone.PROPERTY)));
    }
}
