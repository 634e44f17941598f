package ai.dify.delms.deployment.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ai.dify.delms.deployment.engineer.EngineerEvents;
import ai.dify.delms.deployment.licenseview.LicenseEvents;
import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.security.ServiceAccessRules;

/** Who may call what (API.md's roles table), and the topics this service writes and reads. */
@Configuration(proxyBeanMethods = false)
class DeploymentServiceConfiguration {

    @Bean
    ServiceAccessRules deploymentAccessRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/engineers", "/api/v1/engineers/*").hasAnyRole(Roles.STAFF)
                .requestMatchers(HttpMethod.POST, "/api/v1/engineers").hasRole(Roles.ADMIN);
    }

    @Bean
    NewTopic deploymentsTopic() {
        return DelmsTopics.topic(EngineerEvents.TOPIC);
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
