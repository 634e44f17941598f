package ai.dify.delms.license.signingkey.internal;

/**
 * The active signing key's private key cannot be opened: the configured key-encryption key is not
 * the one that sealed it, or the stored key was altered. Nothing can be signed until an operator
 * fixes the configuration (or rotates the key). The message names the key and KEK fingerprints,
 * never key material.
 */
public class SigningKeyUnreadableException extends RuntimeException {

    private final String kid;

    SigningKeyUnreadableException(String kid, String message) {
        super(message);
        this.kid = kid;
    }

    public String kid() {
        return kid;
    }
}
