package ai.dify.delms.deployment.deployment.internal;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import ai.dify.delms.platform.reference.LicenseIdFormat;

/** The body of {@code POST /api/v1/deployments}. */
public record NewDeploymentRequest(
        @NotBlank @Pattern(regexp = LicenseIdFormat.PATTERN, message = LicenseIdFormat.MESSAGE) String licenseId,
        @NotNull UUID engineerId,
        @NotNull LocalDate scheduledDate,
        @NotNull Environment environment,
        @NotBlank @Size(max = 50) String productVersion,
        @Size(max = 10_000) String notes) {

    DeploymentPlan plan() {
        return new DeploymentPlan(engineerId, scheduledDate, environment, productVersion, notes);
    }
}
