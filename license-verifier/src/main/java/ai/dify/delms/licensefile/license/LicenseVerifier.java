package ai.dify.delms.licensefile.license;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import ai.dify.delms.licensefile.MalformedTextException;

/**
 * Verifies license files offline, in the order docs/license-files.md gives: form, key known, key not
 * revoked, signature, clock not rolled back, dates. Dates are UTC calendar days, so a file gets the
 * same answer everywhere at the same instant.
 */
public final class LicenseVerifier {

    /** How far the clock may fall behind the latest time seen before that counts as a rollback (decision 25). */
    public static final Duration DEFAULT_ROLLBACK_TOLERANCE = Duration.ofHours(1);

    private final LicenseKeys keys;
    private final Clock clock;
    private final LastSeenTimeStore lastSeen;
    private final Duration rollbackTolerance;

    /**
     * @param keys     the public keys document
     * @param clock    the product's clock
     * @param lastSeen where the latest time seen is kept; advanced by every verification of an authentic
     *                 file whose time is later
     */
    public LicenseVerifier(LicenseKeys keys, Clock clock, LastSeenTimeStore lastSeen) {
        this(keys, clock, lastSeen, DEFAULT_ROLLBACK_TOLERANCE);
    }

    private LicenseVerifier(LicenseKeys keys, Clock clock, LastSeenTimeStore lastSeen, Duration rollbackTolerance) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastSeen = Objects.requireNonNull(lastSeen, "lastSeen");
        this.rollbackTolerance = Objects.requireNonNull(rollbackTolerance, "rollbackTolerance");
    }

    /** A verifier that accepts a clock up to {@code tolerance} behind the latest time seen. */
    public LicenseVerifier withRollbackTolerance(Duration tolerance) {
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("The tolerance must not be negative");
        }
        return new LicenseVerifier(keys, clock, lastSeen, tolerance);
    }

    /**
     * Verifies the bytes of a license file exactly as issued.
     *
     * @throws RuntimeException only when the {@link LastSeenTimeStore} fails
     */
    public LicenseVerification verify(byte[] file) {
        LicenseFile license;
        try {
            license = LicenseFile.parse(file);
        } catch (MalformedTextException e) {
            return new LicenseVerification(LicenseVerdict.MALFORMED, "Not a valid license file: " + e.getMessage() + ".",
                    Optional.empty(), Optional.empty(), OptionalLong.empty());
        }
        String keyId = license.keyId();
        Optional<LicenseKey> key = keys.find(keyId);
        if (key.isEmpty()) {
            return answer(license, LicenseVerdict.UNKNOWN_KEY, "The file is signed by key " + keyId
                    + ", which the keys document does not list (is the keys document up to date?).");
        }
        if (key.get().isRevoked()) {
            return answer(license, LicenseVerdict.KEY_REVOKED, "The file is signed by key " + keyId + ", which was revoked"
                    + key.get().revocation().map(at -> " at " + at).orElse("") + "; ask for a new license file.");
        }
        if (!license.signedBy(key.get().publicKey())) {
            return answer(license, LicenseVerdict.BAD_SIGNATURE, "The signature by key " + keyId + " does not match the"
                    + " file: it was changed after it was issued, or was not issued with that key.");
        }
        Instant now = clock.instant();
        Optional<Instant> latest = lastSeen.lastSeen();
        if (latest.isPresent() && now.isBefore(latest.get().minus(rollbackTolerance))) {
            return answer(license, LicenseVerdict.CLOCK_ROLLED_BACK, "The clock shows " + now + ", earlier than "
                    + latest.get() + " which was seen before; set the clock right.");
        }
        if (latest.isEmpty() || now.isAfter(latest.get())) {
            lastSeen.advanceTo(now);
        }
        return checkDates(license, LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    private static LicenseVerification checkDates(LicenseFile file, LocalDate today) {
        LicenseTerms terms = file.terms();
        Optional<String> keyId = Optional.of(file.keyId());
        String license = "License " + terms.licenseId() + " for " + terms.customerName();
        if (today.isBefore(terms.startDate())) {
            long days = ChronoUnit.DAYS.between(today, terms.startDate());
            return new LicenseVerification(LicenseVerdict.NOT_YET_VALID, license + " is valid from "
                    + terms.startDate() + " (in " + days(days) + ").", Optional.of(terms), keyId, OptionalLong.of(days));
        }
        if (terms.expiryDate() == null) {
            return new LicenseVerification(LicenseVerdict.VALID, license + " is valid and does not expire.",
                    Optional.of(terms), keyId, OptionalLong.empty());
        }
        if (!today.isAfter(terms.expiryDate())) {
            long days = ChronoUnit.DAYS.between(today, terms.expiryDate());
            return new LicenseVerification(LicenseVerdict.VALID, license + " is valid until " + terms.expiryDate()
                    + (days == 0 ? " (today is its last day)." : " (" + days(days) + " left)."), Optional.of(terms), keyId,
                    OptionalLong.of(days));
        }
        LocalDate graceEnd = terms.graceEnd().orElseThrow();
        if (!today.isAfter(graceEnd)) {
            long days = ChronoUnit.DAYS.between(today, graceEnd);
            return new LicenseVerification(LicenseVerdict.IN_GRACE, license + " expired on " + terms.expiryDate()
                    + "; it keeps working in its grace period until " + graceEnd
                    + (days == 0 ? " (today is the last day)" : " (" + days(days) + " left)") + ". Renew it.",
                    Optional.of(terms), keyId, OptionalLong.of(days));
        }
        return new LicenseVerification(LicenseVerdict.EXPIRED, license + " expired on " + terms.expiryDate()
                + (terms.gracePeriodDays() > 0 ? "; its grace period ended on " + graceEnd : "") + ".",
                Optional.of(terms), keyId, OptionalLong.empty());
    }

    private static LicenseVerification answer(LicenseFile license, LicenseVerdict verdict, String message) {
        return new LicenseVerification(verdict, message, Optional.of(license.terms()), Optional.of(license.keyId()),
                OptionalLong.empty());
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }
}
