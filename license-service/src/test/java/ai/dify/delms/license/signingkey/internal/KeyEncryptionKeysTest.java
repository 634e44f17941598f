package ai.dify.delms.license.signingkey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The current KEK seals; the previous one, during a KEK change, still opens; anything else is a clear refusal. */
class KeyEncryptionKeysTest {

    private static final String OLD = Base64.getEncoder().encodeToString("an old key-encryption key, 32 b.".getBytes());
    private static final String NEW = KeyEncryptionKeyTest.KEK;
    private final byte[] privateKey = {1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void aKeySealedWithThePreviousKekStillOpens() {
        SealedPrivateKey sealedBefore = KeyEncryptionKeys.of(OLD, null).seal("lk-1", privateKey);
        KeyEncryptionKeys changing = KeyEncryptionKeys.of(NEW, OLD);

        assertThat(changing.open("lk-1", sealedBefore)).isEqualTo(privateKey);
        assertThat(changing.isPrevious(sealedBefore.kekFingerprint())).isTrue();
        SealedPrivateKey sealedNow = changing.seal("lk-1", privateKey);
        assertThat(sealedNow.kekFingerprint()).isEqualTo(changing.currentFingerprint());
        assertThat(KeyEncryptionKeys.of(NEW, null).open("lk-1", sealedNow)).isEqualTo(privateKey);
    }

    @Test
    void aKeySealedWithAKekNotConfiguredSaysTheKekIsWrongAndNamesTheFingerprints() {
        SealedPrivateKey sealed = KeyEncryptionKeys.of(OLD, null).seal("lk-1", privateKey);
        KeyEncryptionKeys other = KeyEncryptionKeys.of(NEW, null);

        assertThatThrownBy(() -> other.open("lk-1", sealed))
                .isInstanceOf(SigningKeyUnreadableException.class)
                .hasMessageContaining("lk-1")
                .hasMessageContaining("The key-encryption key is wrong")
                .hasMessageContaining(sealed.kekFingerprint())
                .hasMessageContaining(other.currentFingerprint())
                .hasMessageNotContaining(OLD).hasMessageNotContaining(NEW);
    }

    @Test
    void anAlteredKeyUnderTheRightKekSaysSo() {
        KeyEncryptionKeys keks = KeyEncryptionKeys.of(NEW, null);
        SealedPrivateKey sealed = keks.seal("lk-1", privateKey);
        byte[] altered = sealed.sealed();
        altered[altered.length - 3] ^= 0x10;

        assertThatThrownBy(() -> keks.open("lk-1", new SealedPrivateKey(altered, sealed.kekFingerprint())))
                .isInstanceOf(SigningKeyUnreadableException.class)
                .hasMessageContaining("altered or damaged");
    }
}
