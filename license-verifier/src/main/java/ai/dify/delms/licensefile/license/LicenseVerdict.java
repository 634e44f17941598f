package ai.dify.delms.licensefile.license;

/**
 * The answer of {@link LicenseVerifier}, with the CLI's exit code for it (docs/license-files.md).
 * Only VALID and IN_GRACE let the product run.
 */
public enum LicenseVerdict {
    /** Authentic, and today is between the start and expiry dates (or the license never expires). */
    VALID(0),
    /** Authentic, past the expiry date but within the grace period. */
    IN_GRACE(0),
    /** Authentic, past the expiry date and the grace period. */
    EXPIRED(10),
    /** Authentic, before the start date. */
    NOT_YET_VALID(11),
    /** The signature is not the named key's over the file's bytes: the file was changed or forged. */
    BAD_SIGNATURE(20),
    /** The keys document has no Ed25519 key with the file's key id. */
    UNKNOWN_KEY(21),
    /** The file's key has been revoked. */
    KEY_REVOKED(22),
    /** The file is not in the exact form of a license file (encoding, line endings, layout, values). */
    MALFORMED(23),
    /** The clock is earlier than a time seen before, beyond the tolerance. */
    CLOCK_ROLLED_BACK(30);

    private final int exitCode;

    LicenseVerdict(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The CLI's exit code: 0 for VALID and IN_GRACE, a distinct code for every other verdict. */
    public int exitCode() {
        return exitCode;
    }

    /** Whether the product may run: VALID or IN_GRACE. */
    public boolean permitsUse() {
        return this == VALID || this == IN_GRACE;
    }

    /** Whether the file's signature was checked and found good, so its terms are authentic. */
    public boolean isAuthentic() {
        return this == VALID || this == IN_GRACE || this == EXPIRED || this == NOT_YET_VALID
                || this == CLOCK_ROLLED_BACK;
    }
}
