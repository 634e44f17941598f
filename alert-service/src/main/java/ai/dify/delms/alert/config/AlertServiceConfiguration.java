package ai.dify.delms.alert.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ai.dify.delms.alert.licensemodel.LicenseEvents;
import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.security.ServiceAccessRules;

/** Who may call what (API.md's roles table), and the topics this service writes and reads. */
@Configuration(proxyBeanMethods = false)
class AlertServiceConfiguration {

    /** Where alert events will be published (raised, acknowledged, resolved). */
    static final String ALERTS_TOPIC = "delms.alerts";

    @Bean
    ServiceAccessRules alertAccessRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/alerts", "/api/v1/alerts/*").hasAnyRole(Roles.STAFF);
    }

    @Bean
    NewTopic alertsTopic() {
        return DelmsTopics.topic(ALERTS_TOPIC);
    }

    // declared here too, so the listener finds them even when this service starts first
    @Bean
    NewTopic licensesTopic() {
        return DelmsTopics.topic(LicenseEvents.TOPIC);
    }

    @Bean
    NewTopic licensesDeadLetterTopic() {
        return DelmsTopics.deadLetterTopic(LicenseEvents.TOPIC);
    }
}
