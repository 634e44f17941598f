package ai.dify.delms.platform.testapp;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.partner.PartnerAccess;
import ai.dify.delms.platform.security.Roles;
import ai.dify.delms.platform.security.ServiceAccessRules;

/** A minimal service on the chassis, for the chassis's own integration tests. */
@SpringBootApplication
public class ChassisTestApplication {

    public static final String TOPIC = "test.widgets";
    /** Gadget deliveries: only the retry and dead-letter tests write here. */
    public static final String GADGETS = "test.gadgets";

    public static void main(String[] args) {
        SpringApplication.run(ChassisTestApplication.class, args);
    }

    @Bean
    ServiceAccessRules widgetAccessRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/widgets", "/api/v1/widgets/*").hasAnyRole(Roles.STAFF)
                .requestMatchers(HttpMethod.POST, "/api/v1/widgets").hasAnyRole(Roles.ADMIN, Roles.SALES)
                .requestMatchers(HttpMethod.PUT, "/api/v1/widgets/*", "/api/v1/widgets/*/shape",
                        "/api/v1/widgets/*/tags/*")
                .hasAnyRole(Roles.ADMIN, Roles.SALES)
                .requestMatchers(HttpMethod.POST, "/api/v1/widgets/*/notes").hasAnyRole(Roles.STAFF)
                .requestMatchers(HttpMethod.POST, "/api/v1/widget-links").hasAnyRole(Roles.STAFF)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/widgets/*").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/v1/actor").authenticated()
                .requestMatchers("/api/v1/probes", "/api/v1/probes/**").hasAnyRole(Roles.STAFF)
                .requestMatchers("/api/v1/failures/**").authenticated();
    }

    @Bean
    ServiceAccessRules partnerAccessRules() {
        return PartnerAccess.rules();
    }

    @Bean
    NewTopic widgetTopic() {
        return DelmsTopics.topic(TOPIC);
    }

    @Bean
    NewTopic gadgetTopic() {
        return DelmsTopics.topic(GADGETS);
    }

    @Bean
    NewTopic gadgetDeadLetterTopic() {
        return DelmsTopics.deadLetterTopic(GADGETS);
    }
}
