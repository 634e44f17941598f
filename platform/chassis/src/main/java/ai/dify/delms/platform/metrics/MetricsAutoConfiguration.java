package ai.dify.delms.platform.metrics;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;

/** {@link DomainGauges} for the services' and the chassis's figures (docs/observability.md). */
@AutoConfiguration
public class MetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DomainGauges domainGauges(MeterRegistry registry,
            @Value("${delms.metrics.gauge-max-age:PT10S}") Duration maxAge) {
        return new DomainGauges(registry, maxAge);
    }
}
