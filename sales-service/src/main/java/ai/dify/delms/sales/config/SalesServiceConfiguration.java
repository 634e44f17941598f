package ai.dify.delms.sales.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.security.ServiceAccessRules;
import ai.dify.delms.sales.licensefeed.LicenseFeed;
import ai.dify.delms.sales.salesrep.SalesRepEvents;

/** Who may call what (API.md's roles table), and the topics this service writes and reads. */
@Configuration(proxyBeanMethods = false)
class SalesServiceConfiguration {

    @Bean
    ServiceAccessRules salesAccessRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/sales-reps", "/api/v1/sales-reps/*").hasAnyRole(Roles.STAFF)
                .requestMatchers(HttpMethod.POST, "/api/v1/sales-reps").hasRole(Roles.ADMIN);
    }

    @Bean
    NewTopic salesTopic() {
        return DelmsTopics.topic(SalesRepEvents.TOPIC);
    }

    // declared here too, so the listener finds them even when this service starts first
    @Bean
    NewTopic licensesTopic() {
        return DelmsTopics.topic(LicenseFeed.TOPIC);
    }

    @Bean
    NewTopic licensesDeadLetterTopic() {
        return DelmsTopics.deadLetterTopic(LicenseFeed.TOPIC);
    }
}
