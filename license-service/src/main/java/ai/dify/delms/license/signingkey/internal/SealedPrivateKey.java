package ai.dify.delms.license.signingkey.internal;

/**
 * A private key as it is stored: sealed by {@link KeyEncryptionKey#seal} and the fingerprint of the
 * key-encryption key that sealed it.
 */
public record SealedPrivateKey(byte[] sealed, String kekFingerprint) {

    @Override
    public String toString() {
        return "SealedPrivateKey[" + sealed.length + " bytes, kek " + kekFingerprint + "]";
    }
}
