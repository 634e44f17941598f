package ai.dify.delms.deployment.deployment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A deployment as the API shows it, with its engineer's name. */
public record DeploymentDto(UUID id, String licenseId, UUID engineerId, String engineerName, DeploymentStatus status,
        LocalDate scheduledDate, Instant startedAt, Instant completedAt, Instant failedAt, Instant cancelledAt,
        String failureReason, Environment environment, String productVersion, String notes, Instant createdAt,
        Instant updatedAt, String createdBy, String updatedBy, long version) {

    static DeploymentDto of(Deployment d, String engineerName) {
        return new DeploymentDto(d.getId(), d.getLicenseId(), d.getEngineerId(), engineerName, d.getStatus(),
                d.getScheduledDate(), d.getStartedAt(), d.getCompletedAt(), d.getFailedAt(), d.getCancelledAt(),
                d.getFailureReason(), d.getEnvironment(), d.getProductVersion(), d.getNotes(), d.getCreatedAt(),
                d.getUpdatedAt(), d.getCreatedBy(), d.getUpdatedBy(), d.getVersion());
    }
}
