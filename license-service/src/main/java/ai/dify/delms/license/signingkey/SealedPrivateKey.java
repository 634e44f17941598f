package ai.dify.delms.license.signingkey;

/**
 * A private key as it is stored: sealed by {@link KeyEncryptionKey#seal} and the fingerprint of the
 * key-encryption key that sealed it.
 */
record SealedPrivateKey(byte[] sealed, String kekFingerprint) {

    @Override
    public String toString() {
        return "SealedPrivateKey[" + sealed.length + " bytes, kek " + kekFingerprint + "]";
    }
}
