package ai.dify.delms.license.signingkey.internal;

import java.util.Base64;

/**
 * An Ed25519 signature ({@link #ALGORITHM}, 64 bytes) and the id of the key that made it, which a
 * verifier looks up in the public keys document ({@code GET /api/v1/license-keys/public}).
 *
 * @param kid       the key id, e.g. {@code lk-20261207-3f9a2c}
 * @param signature the signature bytes (a copy is handed out)
 */
public record LicenseSignature(String kid, byte[] signature) {

    /** The JDK's name of the algorithm: {@code Signature.getInstance(ALGORITHM)} verifies. */
    public static final String ALGORITHM = "Ed25519";

    public LicenseSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LicenseSignature that && kid.equals(that.kid)
                && java.util.Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * kid.hashCode() + java.util.Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "LicenseSignature[" + kid + ", " + Base64.getEncoder().encodeToString(signature) + "]";
    }
}
