package ai.dify.delms.license.signingkey.internal;

import ai.dify.delms.licensefile.Base64Url;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The public keys document (a JWK set, RFC 7517/8037) offline verifiers of license files read:
 * every key with its status, a REVOKED one included so that a verifier can say "key revoked".
 * Its shape is a contract shared with the verifier (docs/decisions.md, 26): fields are only ever added.
 */
@Schema(description = "Every license signing key, newest first. Readers ignore unknown fields; a key with status "
        + "REVOKED (or a revokedAt) must be refused.")
public record PublicKeysDocument(List<Key> keys) {

    static PublicKeysDocument of(List<SigningKey> keys) {
        return new PublicKeysDocument(keys.stream().map(Key::of).toList());
    }

    /** One key as a JWK of key type OKP, with its life cycle. */
    @Schema(name = "LicensePublicKey", description = "A license signing key's public key (JWK, RFC 8037) and status")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"kty", "crv", "alg", "use", "kid", "x", "status", "createdAt", "retiredAt", "revokedAt"})
    public record Key(
            @Schema(allowableValues = "OKP") String kty,
            @Schema(allowableValues = "Ed25519") String crv,
            @Schema(allowableValues = "EdDSA") String alg,
            @Schema(allowableValues = "sig") String use,
            @Schema(description = "Key id, [A-Za-z0-9._-]{1,64}; a signed file names the key it was signed with",
                    example = "lk-20261207-3f9a2c") String kid,
            @Schema(description = "The raw 32-byte Ed25519 public key, base64url without padding") String x,
            @Schema(description = "ACTIVE signs new files; RETIRED still verifies; REVOKED never verifies")
            SigningKeyStatus status,
            Instant createdAt,
            @Schema(nullable = true) Instant retiredAt,
            @Schema(nullable = true) Instant revokedAt) {

        static Key of(SigningKey key) {
            return new Key("OKP", "Ed25519", "EdDSA", "sig", key.getKid(), Base64Url.encode(key.getPublicKey()),
                    key.getStatus(), seconds(key.getCreatedAt()), seconds(key.getRetiredAt()),
                    seconds(key.getRevokedAt()));
        }
    }

    /** Whole seconds, as the contract writes them ({@code 2026-12-07T10:00:00Z}). */
    static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
