package ai.dify.delms.licensefile.license;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link LicenseVerifier} found.
 *
 * @param verdict        the answer
 * @param message        one sentence for a person, e.g. "valid until 2027-03-31 (114 days left)"
 * @param claimedTerms   what the file says, whenever it could be read (also when its signature is bad:
 *                       for display only); empty for MALFORMED
 * @param keyId          the key the file names, whenever it could be read
 * @param daysLeft       VALID: days until the expiry date (0 on the expiry date itself); IN_GRACE: days
 *                       until the grace period's last day; NOT_YET_VALID: days until the start date;
 *                       empty otherwise and for a license that never expires
 */
public record LicenseVerification(LicenseVerdict verdict, String message, Optional<LicenseTerms> claimedTerms,
        Optional<String> keyId, OptionalLong daysLeft) {

    public LicenseVerification {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(claimedTerms, "claimedTerms");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(daysLeft, "daysLeft");
    }

    /** The terms, only when the signature was verified ({@link LicenseVerdict#isAuthentic()}). */
    public Optional<LicenseTerms> terms() {
        return verdict.isAuthentic() ? claimedTerms : Optional.empty();
    }

    public boolean permitsUse() {
        return verdict.permitsUse();
    }
}
