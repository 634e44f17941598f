package ai.dify.delms.licensefile.license;

import ai.dify.delms.licensefile.Signer;
import ai.dify.delms.licensefile.SignedText;

/** Writes license files (format 1, docs/license-files.md). */
public final class LicenseFileWriter {

    private LicenseFileWriter() {
    }

    /**
     * The complete text of a license file for {@code terms}, signed by {@code signer} with the key named
     * {@code keyId}; write it to a file as UTF-8 bytes, unchanged.
     *
     * @param keyId  the {@code kid} of the signing key in the public keys document; it is part of the
     *               signed payload too
     * @param signer signs with the private key of {@code keyId}, e.g. {@link Signer#ed25519}
     * @throws IllegalArgumentException when {@code keyId} is not a key id
     */
    public static String write(LicenseTerms terms, String keyId, Signer signer) {
        if (!SignedText.KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("Not a key id ([A-Za-z0-9._-]{1,64}): " + keyId);
        }
        String signedPart = LicenseFile.HEADER + "\n" + LicensePayload.render(terms, keyId);
        return SignedText.sign(signedPart, keyId, signer);
    }
}
