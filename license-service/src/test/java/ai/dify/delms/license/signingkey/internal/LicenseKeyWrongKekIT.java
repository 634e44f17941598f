package ai.dify.delms.license.signingkey.internal;

import ai.dify.delms.license.signingkey.LicenseSigner;
import ai.dify.delms.licensefile.Ed25519;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;

/**
 * A service started with other key-encryption keys than the one that sealed the stored signing key
 * (the other tests' KEK): it cannot sign and says why, and a rotation gets it signing again. With
 * the sealing KEK as its previous one, it signs and, at start-up, seals the key anew.
 */
@DelmsServiceTest
@TestPropertySource(properties = {
        "delms.license-files.key-encryption-key=" + LicenseKeyWrongKekIT.CURRENT_KEK,
        "delms.license-files.previous-key-encryption-key=" + LicenseKeyWrongKekIT.PREVIOUS_KEK})
@ExtendWith(OutputCaptureExtension.class)
class LicenseKeyWrongKekIT {

    static final String CURRENT_KEK = "n5mV0qJ4c7m3S2k9Yb1xHq8eR6tW0zLp3fA7uC2dE4g=";
    static final String PREVIOUS_KEK = "Q2hhbmdlZCBrZXktZW5jcnlwdGlvbiBrZXksIDMyIGI=";
    /** The KEK of the other license-service tests, which this service is not given. */
    static final String OTHER_SERVICES_KEK = KeyEncryptionKeyTest.KEK;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LicenseSigner signer;
    @Autowired
    SigningKeyStartupCheck startupCheck;

    @BeforeEach
    void noKeys() {
        jdbc.update("delete from license_signing_key");
    }

    @Test
    void aKeySealedWithAnotherKekCannotSignAndTheLogSaysTheKekIsWrong(CapturedOutput output) {
        String kid = storeActiveKeySealedWith(OTHER_SERVICES_KEK);

        assertThatThrownBy(() -> signer.sign(bytes("a license file")))
                .isInstanceOf(SigningKeyUnreadableException.class)
                .hasMessageContaining(kid)
                .hasMessageContaining("The key-encryption key is wrong");

        String expected = KeyEncryptionKey.fromBase64("kek", OTHER_SERVICES_KEK).fingerprint();
        assertThat(output.getOut()).contains("Cannot sign license files", kid, "The key-encryption key is wrong",
                "was encrypted with the key-encryption key " + expected);
        assertThat(output.getOut()).doesNotContain(CURRENT_KEK, PREVIOUS_KEK, OTHER_SERVICES_KEK);
    }

    @Test
    void aRotationMakesAKeyThisServiceCanOpen() throws Exception {
        String unreadable = storeActiveKeySealedWith(OTHER_SERVICES_KEK);

        mvc.perform(post("/api/v1/license-keys").header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isCreated());

        LicenseSignature signature = signer.sign(bytes("a license file"));
        assertThat(signature.kid()).isNotEqualTo(unreadable);
        assertThat(signer.publicKey(unreadable)).as("files it signed still verify").isPresent();
    }

    @Test
    void aKeySealedWithThePreviousKekSignsAndIsSealedWithTheCurrentOneAtStartUp(CapturedOutput output) {
        String kid = storeActiveKeySealedWith(PREVIOUS_KEK);

        assertThat(signer.sign(bytes("a license file")).kid()).isEqualTo(kid);
        assertThat(output.getOut()).contains("is still encrypted with the previous key-encryption key");

        startupCheck.checkActiveKey();

        String current = KeyEncryptionKey.fromBase64("kek", CURRENT_KEK).fingerprint();
        assertThat(jdbc.queryForObject("select kek_fingerprint from license_signing_key where kid = ?", String.class,
                kid)).isEqualTo(current);
        byte[] resealed = jdbc.queryForObject("select sealed_private_key from license_signing_key where kid = ?",
                byte[].class, kid);
        assertThat(KeyEncryptionKeys.of(CURRENT_KEK, null).open(kid, new SealedPrivateKey(resealed, current)))
                .as("opens without the previous KEK").isNotEmpty();
        assertThat(signer.sign(bytes("another license file")).kid()).isEqualTo(kid);
    }

    /** An ACTIVE key as a service configured with {@code kek} would have stored it. */
    private String storeActiveKeySealedWith(String kek) {
        KeyPair pair = Ed25519.generateKeyPair();
        Instant now = Instant.parse("2026-12-01T09:00:00Z");
        String kid = SigningKeyIds.next(now);
        SealedPrivateKey sealed = KeyEncryptionKeys.of(kek, null).seal(kid, pair.getPrivate().getEncoded());
        jdbc.update("insert into license_signing_key (kid, algorithm, public_key, sealed_private_key, kek_fingerprint, "
                        + "status, created_at, created_by, version) values (?, 'Ed25519', ?, ?, ?, 'ACTIVE', ?, 'alice', 0)",
                kid, Ed25519.raw(pair.getPublic()), sealed.sealed(), sealed.kekFingerprint(), Timestamp.from(now));
        return kid;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
