package ai.dify.delms.platform.time;

import java.time.ZoneId;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The {@link BusinessTimeZone} of {@value BusinessTimeZone#PROPERTY}; a zone Java does not know stops the start. */
@AutoConfiguration
public class BusinessTimeZoneAutoConfiguration {

    @Bean
    BusinessTimeZone businessTimeZone(Environment environment) {
        return new BusinessTimeZone(ZoneId.of(environment.getRequiredProperty(BusinessTimeZone.PROPERTY)));
    }
}
