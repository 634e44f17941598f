package ai.dify.delms.licensefile;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/**
 * Signs bytes with Ed25519. An interface so that the private key can stay wherever its owner keeps it
 * (a key store, an HSM, another service); {@link #ed25519(PrivateKey)} signs with a key in memory.
 */
@FunctionalInterface
public interface Signer {

    /** The 64-byte Ed25519 signature of {@code data}. */
    byte[] sign(byte[] data);

    static Signer ed25519(PrivateKey privateKey) {
        return data -> {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(privateKey);
                signature.update(data);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot sign with this key: " + e.getMessage(), e);
            }
        };
    }
}
