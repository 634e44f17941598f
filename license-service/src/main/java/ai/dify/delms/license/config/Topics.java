package ai.dify.delms.license.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.dify.delms.license.customerref.CustomerEventsListener;
import ai.dify.delms.license.license.LicenseEvents;
import ai.dify.delms.platform.events.DelmsTopics;

/** The topic license-service publishes, and the dead-letter topic of the one it consumes. */
@Configuration(proxyBeanMethods = false)
class Topics {

    @Bean
    NewTopic licensesTopic() {
        return DelmsTopics.topic(LicenseEvents.TOPIC);
    }

    @Bean
    NewTopic customersDeadLetterTopic() {
        return DelmsTopics.deadLetterTopic(CustomerEventsListener.TOPIC);
    }
}
