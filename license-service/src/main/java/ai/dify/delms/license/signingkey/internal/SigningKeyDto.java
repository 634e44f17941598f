package ai.dify.delms.license.signingkey.internal;

import ai.dify.delms.licensefile.Base64Url;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** A license signing key as admins see it; never its private key. */
public record SigningKeyDto(
        @Schema(description = "Key id, lk-YYYYMMDD-xxxxxx", example = "lk-20261207-3f9a2c") String kid,
        @Schema(description = "Always Ed25519") String algorithm,
        SigningKeyStatus status,
        @Schema(description = "The raw 32-byte Ed25519 public key, base64url without padding (the x of the public keys document)")
        String publicKey,
        Instant createdAt, String createdBy, Instant retiredAt, Instant revokedAt, String revokedBy,
        @Schema(description = "Why the key was revoked; null unless REVOKED") String revocationReason,
        long version) {

    static SigningKeyDto of(SigningKey key) {
        return new SigningKeyDto(key.getKid(), key.getAlgorithm(), key.getStatus(), Base64Url.encode(key.getPublicKey()),
                PublicKeysDocument.seconds(key.getCreatedAt()), key.getCreatedBy(),
                PublicKeysDocument.seconds(key.getRetiredAt()), PublicKeysDocument.seconds(key.getRevokedAt()),
                key.getRevokedBy(),
                key.getRevocationReason(), key.getVersion());
    }
}
