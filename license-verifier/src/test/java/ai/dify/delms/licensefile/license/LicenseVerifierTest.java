package ai.dify.delms.licensefile.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.dify.delms.licensefile.Ed25519;
import ai.dify.delms.licensefile.TestKeys;
import ai.dify.delms.licensefile.TestKeys.Listed;

class LicenseVerifierTest {

    private static final Listed ACTIVE = Listed.active("lk-2026-a", Ed25519.generateKeyPair());
    private static final Listed RETIRED = new Listed("lk-2025-r", Ed25519.generateKeyPair(), "RETIRED", null);
    private static final Listed REVOKED = new Listed("lk-2025-x", Ed25519.generateKeyPair(), "REVOKED", "2026-03-01T00:00:00Z");
    private static final Listed REVOKED_AT = new Listed("lk-2025-y", Ed25519.generateKeyPair(), "RETIRED", "2026-03-02T00:00:00Z");
    private static final LicenseKeys KEYS = LicenseKeys.parse(TestKeys.document(ACTIVE, RETIRED, REVOKED, REVOKED_AT));
    private static final Instant MID_TERM = Instant.parse("2026-06-15T12:00:00Z");

    @Nested
    class Keys {

        @Test
        void aFileSignedByAnActiveKeyIsValidAndItsTermsAreAuthentic() {
            LicenseVerification result = verify(file(ACTIVE), MID_TERM);

            assertThat(result.verdict()).isEqualTo(LicenseVerdict.VALID);
            assertThat(result.permitsUse()).isTrue();
            assertThat(result.terms()).contains(TestLicenses.terms());
            assertThat(result.keyId()).contains("lk-2026-a");
            assertThat(result.message()).isEqualTo("License ENT-202512-000042 for Acme Corp is valid until 2026-12-31 (199 days left).");
        }

        @Test
        void aRetiredKeyStillVerifies() {
            assertThat(verify(file(RETIRED), MID_TERM).verdict()).isEqualTo(LicenseVerdict.VALID);
        }

        @Test
        void aRevokedKeyNeverVerifies() {
            LicenseVerification result = verify(file(REVOKED), MID_TERM);

            assertThat(result.verdict()).isEqualTo(LicenseVerdict.KEY_REVOKED);
            assertThat(result.permitsUse()).isFalse();
            assertThat(result.terms()).isEmpty();
            assertThat(result.claimedTerms()).contains(TestLicenses.terms());
            assertThat(result.message()).contains("lk-2025-x").contains("revoked at 2026-03-01T00:00:00Z");
        }

        @Test
        void aKeyWithARevocationTimeIsRevokedEvenIfItsStatusSaysRetired() {
            assertThat(verify(file(REVOKED_AT), MID_TERM).verdict()).isEqualTo(LicenseVerdict.KEY_REVOKED);
        }

        @Test
        void aKeyIdTheDocumentDoesNotListIsUnknown() {
            Listed stranger = Listed.active("lk-stranger", Ed25519.generateKeyPair());

            LicenseVerification result = verify(file(stranger), MID_TERM);

            assertThat(result.verdict()).isEqualTo(LicenseVerdict.UNKNOWN_KEY);
            assertThat(result.message()).contains("lk-stranger");
            assertThat(result.terms()).isEmpty();
        }

        @Test
        void aFileSignedWithAnotherKeyUnderAKnownKeyIdHasABadSignature() {
            Listed impostor = Listed.active(ACTIVE.kid(), Ed25519.generateKeyPair());

            LicenseVerification result = verify(file(impostor), MID_TERM);

            assertThat(result.verdict()).isEqualTo(LicenseVerdict.BAD_SIGNATURE);
            assertThat(result.terms()).isEmpty();
        }
    }

    @Nested
    class Dates {

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({
                "2025-12-31T23:59:59Z, NOT_YET_VALID, 1",
                "2025-11-01T00:00:00Z, NOT_YET_VALID, 61",
                "2026-01-01T00:00:00Z, VALID, 364",
                "2026-12-31T00:00:00Z, VALID, 0",
                "2026-12-31T23:59:59Z, VALID, 0",
                "2027-01-01T00:00:00Z, IN_GRACE, 29",
                "2027-01-30T23:59:59Z, IN_GRACE, 0",
                "2027-01-31T00:00:00Z, EXPIRED, ",
                "2030-01-01T00:00:00Z, EXPIRED, "})
        void theValidityWindowIsInUtcDaysWithGraceAfterTheExpiryDate(Instant now, LicenseVerdict verdict, Long daysLeft) {
            LicenseVerification result = verify(file(ACTIVE), now);

            assertThat(result.verdict()).isEqualTo(verdict);
            assertThat(result.daysLeft()).isEqualTo(daysLeft == null ? OptionalLong.empty() : OptionalLong.of(daysLeft));
            assertThat(result.permitsUse()).isEqualTo(verdict == LicenseVerdict.VALID || verdict == LicenseVerdict.IN_GRACE);
            assertThat(result.terms()).contains(TestLicenses.terms());
        }

        @Test
        void messagesSayWhatToDo() {
            assertThat(verify(file(ACTIVE), Instant.parse("2026-12-31T10:00:00Z")).message())
                    .isEqualTo("License ENT-202512-000042 for Acme Corp is valid until 2026-12-31 (today is its last day).");
            assertThat(verify(file(ACTIVE), Instant.parse("2027-01-01T10:00:00Z")).message())
                    .isEqualTo("License ENT-202512-000042 for Acme Corp expired on 2026-12-31; it keeps working in its"
                            + " grace period until 2027-01-30 (29 days left). Renew it.");
            assertThat(verify(file(ACTIVE), Instant.parse("2027-02-01T10:00:00Z")).message())
                    .isEqualTo("License ENT-202512-000042 for Acme Corp expired on 2026-12-31; its grace period ended on 2027-01-30.");
            assertThat(verify(file(ACTIVE), Instant.parse("2025-12-31T10:00:00Z")).message())
                    .isEqualTo("License ENT-202512-000042 for Acme Corp is valid from 2026-01-01 (in 1 day).");
        }

        @Test
        void withoutGraceALicenseExpiresTheDayAfterItsExpiryDate() {
            String file = LicenseFileWriter.write(TestLicenses.terms().toBuilder().gracePeriodDays(0).build(),
                    ACTIVE.kid(), ACTIVE.signer());

            assertThat(verify(file, Instant.parse("2026-12-31T23:59:59Z")).verdict()).isEqualTo(LicenseVerdict.VALID);
            assertThat(verify(file, Instant.parse("2027-01-01T00:00:00Z")).verdict()).isEqualTo(LicenseVerdict.EXPIRED);
        }

        @Test
        void aLicenseWithoutExpiryDateStaysValid() {
            String file = LicenseFileWriter.write(TestLicenses.terms().toBuilder().licenseType("PERPETUAL").expiryDate(null)
                    .build(), ACTIVE.kid(), ACTIVE.signer());

            LicenseVerification result = verify(file, Instant.parse("2099-01-01T00:00:00Z"));

            assertThat(result.verdict()).isEqualTo(LicenseVerdict.VALID);
            assertThat(result.daysLeft()).isEmpty();
            assertThat(result.message()).contains("does not expire");
            assertThat(verify(file, Instant.parse("2025-12-31T00:00:00Z")).verdict()).isEqualTo(LicenseVerdict.NOT_YET_VALID);
        }
    }

    @Nested
    class ClockRollback {

        private final LastSeenTimeStore store = LastSeenTimeStore.inMemory();

        @Test
        void aClockSetBackBeyondTheToleranceIsRefusedAndTheLatestTimeStays() {
            Instant seen = Instant.parse("2026-06-15T12:00:00Z");
            assertThat(verify(seen).verdict()).isEqualTo(LicenseVerdict.VALID);
            assertThat(store.lastSeen()).contains(seen);

            LicenseVerification result = verify(seen.minus(Duration.ofMinutes(61)));

            assertThat(result.verdict()).isEqualTo(LicenseVerdict.CLOCK_ROLLED_BACK);
            assertThat(result.permitsUse()).isFalse();
            assertThat(result.terms()).contains(TestLicenses.terms());
            assertThat(result.message()).contains("2026-06-15T10:59:00Z").contains("2026-06-15T12:00:00Z");
            assertThat(store.lastSeen()).contains(seen);
        }

        @Test
        void aClockBehindByLessThanTheToleranceIsAcceptedWithoutMovingTheLatestTimeBack() {
            Instant seen = Instant.parse("2026-06-15T12:00:00Z");
            verify(seen);

            assertThat(verify(seen.minus(LicenseVerifier.DEFAULT_ROLLBACK_TOLERANCE)).verdict()).isEqualTo(LicenseVerdict.VALID);
            assertThat(store.lastSeen()).contains(seen);
            assertThat(verify(seen.minus(Duration.ofMinutes(60)).minusSeconds(1)).verdict())
                    .isEqualTo(LicenseVerdict.CLOCK_ROLLED_BACK);
        }

        @Test
        void theLatestTimeAdvancesWithTheClock() {
            verify(Instant.parse("2026-06-15T12:00:00Z"));
            verify(Instant.parse("2026-07-01T00:00:00Z"));

            assertThat(store.lastSeen()).contains(Instant.parse("2026-07-01T00:00:00Z"));
            assertThat(verify(Instant.parse("2026-06-30T00:00:00Z")).verdict()).isEqualTo(LicenseVerdict.CLOCK_ROLLED_BACK);
        }

        @Test
        void settingTheClockBackIntoTheValidityWindowAfterExpiryIsCaught() {
            assertThat(verify(Instant.parse("2027-03-01T00:00:00Z")).verdict()).isEqualTo(LicenseVerdict.EXPIRED);

            assertThat(verify(Instant.parse("2026-11-01T00:00:00Z")).verdict()).isEqualTo(LicenseVerdict.CLOCK_ROLLED_BACK);
        }

        @Test
        void aFileThatIsNotAuthenticDoesNotMoveTheLatestTime() {
            verify(Instant.parse("2026-06-15T12:00:00Z"));
            String forged = file(Listed.active(ACTIVE.kid(), Ed25519.generateKeyPair()));

            verifier(Instant.parse("2030-01-01T00:00:00Z"), store).verify(forged.getBytes(StandardCharsets.UTF_8));

            assertThat(store.lastSeen()).contains(Instant.parse("2026-06-15T12:00:00Z"));
        }

        @Test
        void theToleranceCanBeChosen() {
            Instant seen = Instant.parse("2026-06-15T12:00:00Z");
            verify(seen);

            LicenseVerifier strict = verifier(seen.minusSeconds(1), store).withRollbackTolerance(Duration.ZERO);

            assertThat(strict.verify(file(ACTIVE).getBytes(StandardCharsets.UTF_8)).verdict())
                    .isEqualTo(LicenseVerdict.CLOCK_ROLLED_BACK);
        }

        @Test
        void theFileStoreKeepsTheLatestTimeAcrossRestarts(@TempDir Path directory) throws IOException {
            Path state = directory.resolve("license.state");
            assertThat(new FileLastSeenTimeStore(state).lastSeen()).isEmpty();

            verifier(Instant.parse("2026-06-15T12:00:00Z"), new FileLastSeenTimeStore(state))
                    .verify(file(ACTIVE).getBytes(StandardCharsets.UTF_8));

            assertThat(Files.readString(state)).isEqualTo("2026-06-15T12:00:00Z\n");
            LicenseVerification afterRestart = verifier(Instant.parse("2026-06-01T00:00:00Z"), new FileLastSeenTimeStore(state))
                    .verify(file(ACTIVE).getBytes(StandardCharsets.UTF_8));
            assertThat(afterRestart.verdict()).isEqualTo(LicenseVerdict.CLOCK_ROLLED_BACK);
        }

        @Test
        void aStateFileThatHoldsSomethingElseIsRefusedRatherThanReadAsEmpty(@TempDir Path directory) throws IOException {
            Path state = directory.resolve("license.state");
            Files.writeString(state, "");

            assertThatThrownBy(() -> new FileLastSeenTimeStore(state).lastSeen())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not hold an instant");
        }

        private LicenseVerification verify(Instant now) {
            return verifier(now, store).verify(file(ACTIVE).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String file(Listed key) {
        return LicenseFileWriter.write(TestLicenses.terms(), key.kid(), key.signer());
    }

    private static LicenseVerification verify(String file, Instant now) {
        return verifier(now, LastSeenTimeStore.inMemory()).verify(file.getBytes(StandardCharsets.UTF_8));
    }

    private static LicenseVerifier verifier(Instant now, LastSeenTimeStore store) {
        return new LicenseVerifier(KEYS, Clock.fixed(now, ZoneOffset.UTC), store);
    }
}
