package ai.dify.delms.license.inbound.internal;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ai.dify.delms.license.license.DeploymentFacts;
import ai.dify.delms.license.license.LicenseService;
import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.events.inbound.EventRoutes;
import ai.dify.delms.platform.events.inbound.IdempotentEventHandler;
import ai.dify.delms.platform.events.inbound.InboundEvent;

/**
 * Applies deployment-service's {@code delms.deployment.completed.v1}: a CREATED license becomes
 * DEPLOYED, and every completed deployment shows in the timeline with its engineer. Once per event;
 * an unknown license is retried, then dead-lettered to {@code delms.deployments.dlt}.
 */
@Component
public class DeploymentCompletedHandler {

    static final String TOPIC = DelmsTopics.DEPLOYMENTS;
    static final String DEPLOYMENT_COMPLETED = "delms.deployment.completed.v1";

    /** The part of the deployment event this service needs (docs/asyncapi.yaml); other fields are ignored. */
    record DeploymentCompleted(UUID deploymentId, String licenseId, UUID engineerId, String engineerName,
            Instant completedAt, String environment, String productVersion) {

        DeploymentCompleted {
            if (licenseId == null) {
                throw new IllegalArgumentException("deployment event without licenseId");
            }
        }
    }

    private final IdempotentEventHandler events;
    private final EventRoutes routes;

    DeploymentCompletedHandler(IdempotentEventHandler events, LicenseService licenses) {
        this.events = events;
        this.routes = EventRoutes.create().on(DEPLOYMENT_COMPLETED, DeploymentCompleted.class,
                (InboundEvent event, DeploymentCompleted d) -> licenses.applyDeployment(d.licenseId(),
                        new DeploymentFacts(d.deploymentId(), d.engineerId(), d.engineerName(), d.completedAt(),
                                d.environment(), d.productVersion()),
                        EventActors.of(event), event.time()));
    }

    @KafkaListener(topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record, routes);
    }
}
