package ai.dify.delms.license.license;

import java.time.Instant;
import java.util.UUID;

/** A completed deployment as deployment-service reports it. */
public record DeploymentFacts(UUID deploymentId, UUID engineerId, String engineerName, Instant completedAt,
        String environment, String productVersion) {
}
