package ai.dify.delms.platform.directory;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;
import ai.dify.delms.platform.events.inbound.InboundEventsAutoConfiguration;
import ai.dify.delms.platform.reference.ReferenceLookup;
import ai.dify.delms.platform.reference.ReferenceLookupAutoConfiguration;

/** The {@link SalesDirectory} and its event feed, in services that set {@code delms.directory.sales.enabled=true}. */
@AutoConfiguration(after = {InboundEventsAutoConfiguration.class, ReferenceLookupAutoConfiguration.class})
@ConditionalOnProperty(name = "delms.directory.sales.enabled", havingValue = "true")
public class SalesDirectoryAutoConfiguration {

    @Bean
    SalesDirectory salesDirectory(JdbcTemplate jdbc, ReferenceLookup owner, Clock clock) {
        return new SalesDirectory(jdbc, owner, clock);
    }

    @Bean
    SalesDirectoryEventsListener salesDirectoryEventsListener(IdempotentEventHandler events, SalesDirectory directory) {
        return new SalesDirectoryEventsListener(events, directory);
    }
}
