package ai.dify.delms.deployment.deployment.internal;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/v1/deployments/{id}} (and what a merge patch is applied to): the plan
 * of a scheduled deployment and optionally the {@code version} read. {@code licenseId}, when sent,
 * must be the deployment's own; status and timestamps are ignored (they change by transitions).
 */
public record DeploymentUpdateRequest(
        @NotNull UUID engineerId,
        @NotNull LocalDate scheduledDate,
        @NotNull Environment environment,
        @NotBlank @Size(max = 50) String productVersion,
        @Size(max = 10_000) String notes,
        Long version,
        String licenseId) {

    static DeploymentUpdateRequest of(Deployment d) {
        return new DeploymentUpdateRequest(d.getEngineerId(), d.getScheduledDate(), d.getEnvironment(),
                d.getProductVersion(), d.getNotes(), null, null);
    }

    DeploymentPlan plan() {
        return new DeploymentPlan(engineerId, scheduledDate, environment, productVersion, notes);
    }
}
