package ai.dify.delms.customer.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.dify.delms.customer.customer.CustomerEvents;
import ai.dify.delms.customer.licensecount.LicenseEventsListener;
import ai.dify.delms.platform.events.DelmsTopics;

/** The topic customer-service publishes, and the dead-letter topic of the one it consumes. */
@Configuration(proxyBeanMethods = false)
class Topics {

    @Bean
    NewTopic customersTopic() {
        return DelmsTopics.topic(CustomerEvents.TOPIC);
    }

    @Bean
    NewTopic licensesDeadLetterTopic() {
        return DelmsTopics.deadLetterTopic(LicenseEventsListener.TOPIC);
    }
}
