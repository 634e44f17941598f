package ai.dify.delms.deployment.deployment;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/deployments}. */
public record NewDeploymentRequest(
        @NotBlank @Size(max = 32) String licenseId,
        @NotNull UUID engineerId,
        @NotNull LocalDate scheduledDate,
        @NotNull Environment environment,
        @NotBlank @Size(max = 50) String productVersion,
        @Size(max = 10_000) String notes) {

    DeploymentPlan plan() {
        return new DeploymentPlan(engineerId, scheduledDate, environment, productVersion, notes);
    }
}
