package ai.dify.delms.licensefile.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.dify.delms.licensefile.Ed25519;
import ai.dify.delms.licensefile.MalformedTextException;
import ai.dify.delms.licensefile.Signer;

class LicenseFileTest {

    private static final KeyPair KEY = Ed25519.generateKeyPair();
    private static final Signer SIGNER = Signer.ed25519(KEY.getPrivate());

    @Test
    void writesTheDocumentedLayout() {
        String text = LicenseFileWriter.write(TestLicenses.terms(), "lk-20251201-a1b2c3", SIGNER);

        String signedPart = String.join("\n",
                "DELMS-LICENSE-FILE 1",
                "{",
                "  \"formatVersion\": 1,",
                "  \"licenseId\": \"ENT-202512-000042\",",
                "  \"licenseVersion\": 7,",
                "  \"fileSerial\": \"f-0192d4c8-7b1e-4f0a-9a44-3c2b1e0d9f77\",",
                "  \"issuedAt\": \"2025-12-20T08:30:00Z\",",
                "  \"keyId\": \"lk-20251201-a1b2c3\",",
                "  \"customerId\": \"5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d\",",
                "  \"customerName\": \"Acme Corp\",",
                "  \"productType\": \"ENT\",",
                "  \"licenseType\": \"SUBSCRIPTION\",",
                "  \"status\": \"DEPLOYED\",",
                "  \"authorizedWorkspaces\": 10,",
                "  \"authorizedUsers\": 250,",
                "  \"startDate\": \"2026-01-01\",",
                "  \"expiryDate\": \"2026-12-31\",",
                "  \"gracePeriodDays\": 30",
                "}",
                "");
        assertThat(text).startsWith(signedPart);
        assertThat(text.substring(signedPart.length())).matches("signature ed25519 lk-20251201-a1b2c3 [A-Za-z0-9_-]{86}\n");
    }

    @Test
    void readsBackWhatItWrote() throws MalformedTextException {
        LicenseTerms terms = TestLicenses.terms();

        LicenseFile file = LicenseFile.parse(LicenseFileWriter.write(terms, "lk-1", SIGNER).getBytes(StandardCharsets.UTF_8));

        assertThat(file.terms()).isEqualTo(terms);
        assertThat(file.keyId()).isEqualTo("lk-1");
        assertThat(file.signedBy(KEY.getPublic())).isTrue();
        assertThat(file.signedBy(Ed25519.generateKeyPair().getPublic())).isFalse();
    }

    @Test
    void aLicenseThatNeverExpiresHasExpiryDateNull() throws MalformedTextException {
        LicenseTerms perpetual = TestLicenses.terms().toBuilder().licenseType("PERPETUAL").expiryDate(null).build();

        String text = LicenseFileWriter.write(perpetual, "lk-1", SIGNER);

        assertThat(text).contains("\n  \"expiryDate\": null,\n");
        assertThat(LicenseFile.parse(text).terms()).isEqualTo(perpetual);
    }

    @Test
    void namesOutsideAsciiAreWrittenAsUtf8AndQuotesAreEscaped() throws MalformedTextException {
        LicenseTerms terms = TestLicenses.terms().toBuilder().customerName("Société \"Générale\" \\ 北京 \uD83D\uDE80").build();

        String text = LicenseFileWriter.write(terms, "lk-1", SIGNER);

        assertThat(text).contains("\"customerName\": \"Société \\\"Générale\\\" \\\\ 北京 \uD83D\uDE80\",");
        assertThat(LicenseFile.parse(text.getBytes(StandardCharsets.UTF_8)).terms()).isEqualTo(terms);
    }

    @Test
    void theWriterRefusesAKeyIdTheFormatCannotCarryAndASignerThatDoesNotSign() {
        assertThatThrownBy(() -> LicenseFileWriter.write(TestLicenses.terms(), "key with spaces", SIGNER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LicenseFileWriter.write(TestLicenses.terms(), "lk-1", data -> new byte[10]))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void termsRefuseWhatTheFormatCannotCarryNamingTheField() {
        LicenseTerms.Builder valid = TestLicenses.terms().toBuilder();
        assertField(valid.licenseId("ENT-202513-000001"), "licenseId");
        assertField(TestLicenses.terms().toBuilder().licenseId("ENT-202512-000000"), "licenseId");
        assertField(TestLicenses.terms().toBuilder().licenseVersion(-1), "licenseVersion");
        assertField(TestLicenses.terms().toBuilder().fileSerial("a b"), "fileSerial");
        assertField(TestLicenses.terms().toBuilder().customerName(" "), "customerName");
        assertField(TestLicenses.terms().toBuilder().customerName("line\nbreak"), "customerName");
        assertField(TestLicenses.terms().toBuilder().customerName("half \ud800"), "customerName");
        assertField(TestLicenses.terms().toBuilder().customerId(null), "customerId");
        assertField(TestLicenses.terms().toBuilder().productType("ent"), "productType");
        assertField(TestLicenses.terms().toBuilder().licenseType(""), "licenseType");
        assertField(TestLicenses.terms().toBuilder().status("IN USE"), "status");
        assertField(TestLicenses.terms().toBuilder().authorizedWorkspaces(0), "authorizedWorkspaces");
        assertField(TestLicenses.terms().toBuilder().authorizedUsers(-5), "authorizedUsers");
        assertField(TestLicenses.terms().toBuilder().expiryDate(LocalDate.of(2025, 12, 31)), "expiryDate");
        assertField(TestLicenses.terms().toBuilder().gracePeriodDays(3651), "gracePeriodDays");
        assertField(TestLicenses.terms().toBuilder().issuedAt(null), "issuedAt");
        assertThat(TestLicenses.terms().toBuilder().customerId(UUID.randomUUID()).build()).isNotNull();
    }

    private static void assertField(LicenseTerms.Builder builder, String field) {
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidTermsException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
