package ai.dify.delms.license.license.internal;

import ai.dify.delms.license.license.LicenseStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/licenses/{id}/transitions}. */
public record TransitionRequest(@NotNull LicenseStatus to, @NotBlank @Size(max = 500) String reason) {
}
