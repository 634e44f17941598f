package ai.dify.delms.licensefile.license;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Optional;

/**
 * One key of the public keys document.
 *
 * @param status ACTIVE signs new files, RETIRED still verifies, REVOKED never verifies
 */
public record LicenseKey(String keyId, PublicKey publicKey, Status status, Instant createdAt, Instant retiredAt,
        Instant revokedAt) {

    public enum Status { ACTIVE, RETIRED, REVOKED }

    /** Whether files signed by this key are refused: status REVOKED or a revocation time. */
    public boolean isRevoked() {
        return status == Status.REVOKED || revokedAt != null;
    }

    public Optional<Instant> revocation() {
        return Optional.ofNullable(revokedAt);
    }
}
