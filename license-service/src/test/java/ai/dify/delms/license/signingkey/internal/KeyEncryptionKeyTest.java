package ai.dify.delms.license.signingkey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** AES-256-GCM sealing of private keys: what opens, and what must not. */
class KeyEncryptionKeyTest {

    static final String KEK = "UL8F3zfntFbr2RqzxQtcEGpFG158X6gIxYpUHG6/Lx8=";
    static final String OTHER_KEK = Base64.getEncoder().encodeToString(new byte[32]);

    private final KeyEncryptionKey kek = KeyEncryptionKey.fromBase64("delms.test.kek", KEK);
    private final byte[] privateKey = "a PKCS#8 private key, 48 bytes long, more or less".getBytes(StandardCharsets.US_ASCII);

    @Test
    void whatIsSealedOpensForItsKeyIdAndHidesThePlaintext() throws Exception {
        byte[] sealed = kek.seal(privateKey, "lk-20261207-3f9a2c");

        assertThat(kek.open(sealed, "lk-20261207-3f9a2c")).isEqualTo(privateKey);
        assertThat(sealed).hasSize(KeyEncryptionKey.NONCE_BYTES + privateKey.length + KeyEncryptionKey.TAG_BITS / 8);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("PKCS#8", "private key");
    }

    @Test
    void everySealingUsesAFreshNonce() {
        byte[] first = kek.seal(privateKey, "lk-1");
        byte[] second = kek.seal(privateKey, "lk-1");

        assertThat(java.util.Arrays.copyOf(first, KeyEncryptionKey.NONCE_BYTES))
                .isNotEqualTo(java.util.Arrays.copyOf(second, KeyEncryptionKey.NONCE_BYTES));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aTamperedByteAnywhereIsRefused() {
        byte[] sealed = kek.seal(privateKey, "lk-1");
        for (int index : new int[] {0, KeyEncryptionKey.NONCE_BYTES, sealed.length / 2, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[index] ^= 0x01;

            assertThatThrownBy(() -> kek.open(tampered, "lk-1")).as("byte %d changed", index)
                    .isInstanceOf(GeneralSecurityException.class);
        }
        assertThatThrownBy(() -> kek.open(java.util.Arrays.copyOf(sealed, 20), "lk-1"))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void aSealedKeyDoesNotOpenUnderAnotherKeyIdOrAnotherKek() {
        byte[] sealed = kek.seal(privateKey, "lk-1");

        assertThatThrownBy(() -> kek.open(sealed, "lk-2")).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("delms.test.kek", OTHER_KEK).open(sealed, "lk-1"))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void theFingerprintTellsKeksApartWithoutShowingThem() {
        KeyEncryptionKey other = KeyEncryptionKey.fromBase64("delms.test.kek", OTHER_KEK);

        assertThat(kek.fingerprint()).matches("[0-9a-f]{16}")
                .isEqualTo(KeyEncryptionKey.fromBase64("delms.test.kek", KEK).fingerprint())
                .isNotEqualTo(other.fingerprint());
        assertThat(kek.toString()).contains(kek.fingerprint()).doesNotContain(KEK);
    }

    @Test
    void onlyBase64Of32BytesIsAKekAndTheRefusalNamesThePropertyNotTheValue() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("delms.license-files.key-encryption-key", ""))
                .hasMessageStartingWith("delms.license-files.key-encryption-key is not set");
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("delms.license-files.key-encryption-key", "not base64!"))
                .hasMessageStartingWith("delms.license-files.key-encryption-key is not base64")
                .hasMessageNotContaining("not base64!");
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("delms.license-files.key-encryption-key", sixteenBytes))
                .hasMessageStartingWith("delms.license-files.key-encryption-key holds 16 bytes, not 32")
                .hasMessageNotContaining(sixteenBytes);
    }
}
