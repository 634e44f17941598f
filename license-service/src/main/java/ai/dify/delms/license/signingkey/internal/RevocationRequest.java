package ai.dify.delms.license.signingkey.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/v1/license-keys/{kid}/revoke}. */
public record RevocationRequest(
        @Schema(description = "Why the key must never be trusted again (e.g. how it was exposed)", maxLength = 500)
        @NotBlank @Size(max = 500) String reason) {
}
