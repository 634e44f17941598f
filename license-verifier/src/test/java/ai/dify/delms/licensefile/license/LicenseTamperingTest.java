package ai.dify.delms.licensefile.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ai.dify.delms.licensefile.Ed25519;
import ai.dify.delms.licensefile.SignedText;
import ai.dify.delms.licensefile.TestKeys;
import ai.dify.delms.licensefile.TestKeys.Listed;

/**
 * Any change to any byte of a license file is refused: BAD_SIGNATURE when the file keeps the exact form
 * of a license file, MALFORMED when it does not (docs/license-files.md).
 */
class LicenseTamperingTest {

    private static final Listed KEY = Listed.active("lk-2026-a", Ed25519.generateKeyPair());
    private static final Listed OTHER = Listed.active("lk-2026-b", Ed25519.generateKeyPair());
    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private static final String FILE = LicenseFileWriter.write(TestLicenses.terms(), KEY.kid(), KEY.signer());
    private static final Set<LicenseVerdict> REFUSED = EnumSet.of(LicenseVerdict.BAD_SIGNATURE, LicenseVerdict.MALFORMED,
            LicenseVerdict.UNKNOWN_KEY);

    @Test
    void theUntouchedFileIsValid() {
        assertThat(verify(FILE).verdict()).isEqualTo(LicenseVerdict.VALID);
    }

    static Stream<Arguments> changedFields() {
        return Stream.of(
                change("licenseId", b -> b.licenseId("ENT-202512-000043")),
                change("licenseVersion", b -> b.licenseVersion(8)),
                change("fileSerial", b -> b.fileSerial("f-other")),
                change("issuedAt", b -> b.issuedAt(Instant.parse("2025-12-20T08:30:01Z"))),
                change("customerId", b -> b.customerId(UUID.fromString("5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2e"))),
                change("customerName", b -> b.customerName("Acme Corp.")),
                change("productType", b -> b.productType("PRO")),
                change("licenseType", b -> b.licenseType("PERPETUAL")),
                change("status", b -> b.status("IN_USE")),
                change("authorizedWorkspaces", b -> b.authorizedWorkspaces(11)),
                change("authorizedUsers", b -> b.authorizedUsers(2500)),
                change("startDate", b -> b.startDate(LocalDate.of(2025, 12, 31))),
                change("expiryDate", b -> b.expiryDate(LocalDate.of(2027, 12, 31))),
                change("expiryDate removed", b -> b.expiryDate(null)),
                change("gracePeriodDays", b -> b.gracePeriodDays(365)));
    }

    private static Arguments change(String name, UnaryOperator<LicenseTerms.Builder> change) {
        return Arguments.of(name, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changedFields")
    void aFieldChangedToAnotherValidValueBreaksTheSignature(String name, UnaryOperator<LicenseTerms.Builder> change) {
        LicenseTerms changed = change.apply(TestLicenses.terms().toBuilder()).build();
        String forged = withSignatureLineOf(FILE, LicenseFileWriter.write(changed, KEY.kid(), OTHER.signer()));

        LicenseVerification result = verify(forged);

        assertThat(result.verdict()).isEqualTo(LicenseVerdict.BAD_SIGNATURE);
        assertThat(result.terms()).isEmpty();
        assertThat(result.claimedTerms()).contains(changed);
    }

    @Test
    void theKeyIdIsSignedSoNamingAnotherKnownKeyBreaksTheSignature() {
        String forged = FILE.replace("\"keyId\": \"lk-2026-a\"", "\"keyId\": \"lk-2026-b\"")
                .replace("signature ed25519 lk-2026-a ", "signature ed25519 lk-2026-b ");

        assertThat(verify(forged).verdict()).isEqualTo(LicenseVerdict.BAD_SIGNATURE);
    }

    @Test
    void aSignatureLineNamingAnotherKeyThanThePayloadIsMalformed() {
        String forged = FILE.replace("signature ed25519 lk-2026-a ", "signature ed25519 lk-2026-b ");

        LicenseVerification result = verify(forged);

        assertThat(result.verdict()).isEqualTo(LicenseVerdict.MALFORMED);
        assertThat(result.message()).contains("line 20").contains("names key lk-2026-b but the payload names key lk-2026-a");
    }

    @Test
    void everyByteChangedDeletedOrInsertedIsRefused() {
        byte[] original = FILE.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < original.length; i++) {
            byte[] flipped = original.clone();
            flipped[i] ^= 0x01;
            assertRefused(flipped, "byte " + i + " flipped");

            byte[] deleted = new byte[original.length - 1];
            System.arraycopy(original, 0, deleted, 0, i);
            System.arraycopy(original, i + 1, deleted, i, original.length - i - 1);
            assertRefused(deleted, "byte " + i + " deleted");

            for (byte extra : new byte[] {' ', '\n'}) {
                byte[] inserted = new byte[original.length + 1];
                System.arraycopy(original, 0, inserted, 0, i);
                inserted[i] = extra;
                System.arraycopy(original, i, inserted, i + 1, original.length - i);
                assertRefused(inserted, "byte " + extra + " inserted at " + i);
            }
        }
    }

    @Test
    void everyTruncationIsMalformed() {
        byte[] original = FILE.getBytes(StandardCharsets.UTF_8);
        for (int length = 0; length < original.length; length++) {
            byte[] truncated = java.util.Arrays.copyOf(original, length);
            assertThat(verifier().verify(truncated).verdict()).as("first %d bytes", length).isEqualTo(LicenseVerdict.MALFORMED);
        }
    }

    static Stream<Arguments> layoutChanges() {
        return Stream.of(
                Arguments.of("trailing space", FILE.replace("\"licenseVersion\": 7,", "\"licenseVersion\": 7, "), "line 5"),
                Arguments.of("tab indentation", FILE.replace("  \"status\"", "\t\"status\""), "line 13"),
                Arguments.of("no space after the colon", FILE.replace("\"authorizedUsers\": 250", "\"authorizedUsers\":250"), "line 15"),
                Arguments.of("blank line", FILE.replace("{\n", "{\n\n"), "line 3"),
                Arguments.of("blank line before the signature", FILE.replace("}\n", "}\n\n"), "line 20"),
                Arguments.of("line feed added at the end", FILE + "\n", "line 21"),
                Arguments.of("final line feed removed", FILE.substring(0, FILE.length() - 1), "line 20"),
                Arguments.of("CR LF line endings", FILE.replace("\n", "\r\n"), "carriage return"),
                Arguments.of("CR LF on one line", FILE.replace("\"productType\": \"ENT\",\n", "\"productType\": \"ENT\",\r\n"), "line 11"),
                Arguments.of("header of another version", FILE.replace("DELMS-LICENSE-FILE 1", "DELMS-LICENSE-FILE 2"),
                        "format version 2 is not supported"),
                Arguments.of("header in lower case", FILE.replace("DELMS-LICENSE-FILE 1", "delms-license-file 1"), "line 1"),
                Arguments.of("signature line with a padded signature", FILE.replaceFirst("(signature ed25519 \\S+ \\S+)\n", "$1==\n"), "line 20"),
                Arguments.of("signature missing", FILE.replaceFirst("signature ed25519 \\S+ \\S+\n", ""), "signature"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layoutChanges")
    void aFileOutOfItsExactLayoutIsMalformedAndSaysWhere(String name, String changed, String where) {
        LicenseVerification result = verify(changed);

        assertThat(result.verdict()).isEqualTo(LicenseVerdict.MALFORMED);
        assertThat(result.message()).contains(where);
        assertThat(result.claimedTerms()).isEmpty();
    }

    @Test
    void aByteOrderMarkIsMalformed() {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] file = FILE.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[file.length + 3];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(file, 0, withBom, 3, file.length);

        LicenseVerification result = verifier().verify(withBom);

        assertThat(result.verdict()).isEqualTo(LicenseVerdict.MALFORMED);
        assertThat(result.message()).contains("byte order mark");
    }

    @Test
    void aFileSavedInAnotherEncodingIsMalformedAtTheLineThatChanged() {
        LicenseTerms terms = TestLicenses.terms().toBuilder().customerName("Société Générale").build();
        String file = LicenseFileWriter.write(terms, KEY.kid(), KEY.signer());
        assertThat(verify(file).verdict()).isEqualTo(LicenseVerdict.VALID);

        LicenseVerification latin1 = verifier().verify(file.getBytes(StandardCharsets.ISO_8859_1));
        LicenseVerification utf16 = verifier().verify(file.getBytes(StandardCharsets.UTF_16));

        assertThat(latin1.verdict()).isEqualTo(LicenseVerdict.MALFORMED);
        assertThat(latin1.message()).contains("line 10").contains("not UTF-8");
        assertThat(utf16.verdict()).isEqualTo(LicenseVerdict.MALFORMED);
    }

    static Stream<Arguments> resignedPayloads() {
        String payload = FILE.substring(0, FILE.indexOf("signature ed25519"));
        return Stream.of(
                Arguments.of("unknown field", payload.replace("  \"gracePeriodDays\": 30\n",
                        "  \"gracePeriodDays\": 30,\n  \"unlimited\": true\n"), "unknown field \"unlimited\""),
                Arguments.of("missing field", payload.replace("  \"status\": \"DEPLOYED\",\n", ""), "field \"status\" is missing"),
                Arguments.of("fields in another order", payload.replace("  \"licenseVersion\": 7,\n  \"fileSerial\"",
                        "  \"fileSerial\"").replace("  \"issuedAt\"", "  \"licenseVersion\": 7,\n  \"issuedAt\""), "canonical"),
                Arguments.of("duplicate field", payload.replace("  \"status\": \"DEPLOYED\",\n",
                        "  \"status\": \"DEPLOYED\",\n  \"status\": \"DEPLOYED\",\n"), "duplicate member \"status\""),
                Arguments.of("integer with a fraction", payload.replace("\"authorizedUsers\": 250", "\"authorizedUsers\": 250.0"),
                        "must be an integer"),
                Arguments.of("integer as a string", payload.replace("\"authorizedUsers\": 250", "\"authorizedUsers\": \"250\""),
                        "must be an integer"),
                Arguments.of("upper-case UUID", payload.replace("5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d",
                        "5B0C1D2E-3F40-4A5B-8C6D-7E8F9A0B1C2D"), "lower-case UUID"),
                Arguments.of("short date", payload.replace("\"2026-01-01\"", "\"2026-1-1\""), "not a date"),
                Arguments.of("instant with a fraction", payload.replace("08:30:00Z", "08:30:00.000Z"), "canonical"),
                Arguments.of("escaped letter", payload.replace("Acme Corp", "\\u0041cme Corp"), "canonical"),
                Arguments.of("formatVersion 2", payload.replace("\"formatVersion\": 1", "\"formatVersion\": 2"), "formatVersion"),
                Arguments.of("limit out of range", payload.replace("\"authorizedUsers\": 250", "\"authorizedUsers\": 0"),
                        "authorizedUsers must be at least 1"),
                Arguments.of("trailing text", payload + "x\n", "unexpected text"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resignedPayloads")
    void aPayloadOutOfTheFormatIsMalformedEvenWhenSignedWithTheRightKey(String name, String signedPart, String reason) {
        LicenseVerification result = verify(SignedText.sign(signedPart, KEY.kid(), KEY.signer()));

        assertThat(result.verdict()).isEqualTo(LicenseVerdict.MALFORMED);
        assertThat(result.message()).contains(reason);
    }

    private static void assertRefused(byte[] file, String what) {
        LicenseVerdict verdict = verifier().verify(file).verdict();
        assertThat(verdict).as(what).isIn(REFUSED);
    }

    private static String withSignatureLineOf(String original, String forged) {
        String signatureLine = original.substring(original.indexOf("signature ed25519"));
        return forged.substring(0, forged.indexOf("signature ed25519")) + signatureLine;
    }

    private static LicenseVerification verify(String file) {
        return verifier().verify(file.getBytes(StandardCharsets.UTF_8));
    }

    private static LicenseVerifier verifier() {
        return new LicenseVerifier(LicenseKeys.parse(TestKeys.document(KEY, OTHER)), Clock.fixed(NOW, ZoneOffset.UTC),
                LastSeenTimeStore.inMemory());
    }
}
