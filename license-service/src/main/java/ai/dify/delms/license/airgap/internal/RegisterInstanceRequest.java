package ai.dify.delms.license.airgap.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST .../instances}: a name people recognise the installation by, and its public key as
 * {@code license-verifier instance-key init} wrote it to {@code instance.pub} (base64url of the raw
 * 32-byte Ed25519 key, no padding).
 */
public record RegisterInstanceRequest(@NotBlank @Size(max = 100) String name, @NotNull String publicKey) {
}
