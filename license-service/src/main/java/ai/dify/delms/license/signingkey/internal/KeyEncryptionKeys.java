package ai.dify.delms.license.signingkey.internal;

import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * The configured key-encryption keys: the current one seals, and opens what it sealed; the
 * previous one, while a KEK change is under way, only opens (docs/security.md, "License file
 * signing keys").
 */
public final class KeyEncryptionKeys {

    static final String CURRENT_PROPERTY = "delms.license-files.key-encryption-key";
    static final String PREVIOUS_PROPERTY = "delms.license-files.previous-key-encryption-key";

    private final KeyEncryptionKey current;
    private final KeyEncryptionKey previous;

    KeyEncryptionKeys(KeyEncryptionKey current, KeyEncryptionKey previous) {
        this.current = current;
        this.previous = previous;
    }

    /** From the configured values; the previous one may be empty. */
    static KeyEncryptionKeys of(String currentBase64, String previousBase64) {
        KeyEncryptionKey current = KeyEncryptionKey.fromBase64(CURRENT_PROPERTY, currentBase64);
        KeyEncryptionKey previous = previousBase64 == null || previousBase64.isBlank() ? null
                : KeyEncryptionKey.fromBase64(PREVIOUS_PROPERTY, previousBase64);
        return new KeyEncryptionKeys(current, previous);
    }

    SealedPrivateKey seal(String kid, byte[] privateKey) {
        return new SealedPrivateKey(current.seal(privateKey, kid), current.fingerprint());
    }

    /**
     * The private key of {@code kid}, opened with whichever configured KEK sealed it.
     *
     * @throws SigningKeyUnreadableException if neither did, or the stored key was altered
     */
    public byte[] open(String kid, SealedPrivateKey stored) {
        KeyEncryptionKey kek = byFingerprint(stored.kekFingerprint()).orElseThrow(() ->
                new SigningKeyUnreadableException(kid, "The private key of license signing key " + kid
                        + " was encrypted with the key-encryption key " + stored.kekFingerprint()
                        + ", which is not configured: " + CURRENT_PROPERTY + " is " + current.fingerprint()
                        + (previous == null ? " and " + PREVIOUS_PROPERTY + " is not set"
                                : ", " + PREVIOUS_PROPERTY + " is " + previous.fingerprint())
                        + ". The key-encryption key is wrong: configure the one the key was encrypted with."));
        try {
            return kek.open(stored.sealed(), kid);
        } catch (GeneralSecurityException e) {
            throw new SigningKeyUnreadableException(kid, "The private key of license signing key " + kid
                    + " does not decrypt with the key-encryption key " + kek.fingerprint()
                    + " it names: the stored key was altered or damaged. Rotate the signing key.");
        }
    }

    /** Whether a key sealed with this KEK should be sealed again with the current one. */
    public boolean isPrevious(String fingerprint) {
        return previous != null && previous.fingerprint().equals(fingerprint);
    }

    String currentFingerprint() {
        return current.fingerprint();
    }

    Optional<String> previousFingerprint() {
        return Optional.ofNullable(previous).map(KeyEncryptionKey::fingerprint);
    }

    private Optional<KeyEncryptionKey> byFingerprint(String fingerprint) {
        if (current.fingerprint().equals(fingerprint)) {
            return Optional.of(current);
        }
        return isPrevious(fingerprint) ? Optional.of(previous) : Optional.empty();
    }

    @Override
    public String toString() {
        return "KeyEncryptionKeys[current " + current.fingerprint() + ", previous "
                + previousFingerprint().orElse("none") + "]";
    }
}
