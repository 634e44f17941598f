package ai.dify.delms.licensefile.usage;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;

import ai.dify.delms.licensefile.Base64Url;
import ai.dify.delms.licensefile.Ed25519;
import ai.dify.delms.licensefile.Sha256;
import ai.dify.delms.licensefile.Signer;

/**
 * A site's instance key: the Ed25519 key pair that signs its usage reports. DELMS knows the public half
 * (registered once for the license) and names it by its {@link #keyIdOf key id}.
 */
public final class InstanceKey {

    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    public InstanceKey(PublicKey publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        byte[] probe = "instance key pair check".getBytes(StandardCharsets.US_ASCII);
        if (!Ed25519.verify(publicKey, probe, Signer.ed25519(privateKey).sign(probe))) {
            throw new IllegalArgumentException("The public and private keys are not one pair");
        }
    }

    public static InstanceKey generate() {
        KeyPair pair = Ed25519.generateKeyPair();
        return new InstanceKey(pair.getPublic(), pair.getPrivate());
    }

    /**
     * The id of an instance key: {@code ik-} and the first 16 hex digits of the SHA-256 of its raw 32
     * bytes, e.g. {@code ik-3f9a2c5b7d1e0a44}. Anyone holding the public key computes the same id.
     */
    public static String keyIdOf(PublicKey publicKey) {
        byte[] digest = Sha256.digest(Ed25519.raw(publicKey));
        return "ik-" + HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
    }

    /** The public key in its registered text form, the raw 32 bytes in base64url without padding. */
    public static String publicKeyText(PublicKey publicKey) {
        return Base64Url.encode(Ed25519.raw(publicKey));
    }

    /**
     * The public key from its registered text form.
     *
     * @throws IllegalArgumentException when {@code text} is not 32 bytes in base64url without padding
     */
    public static PublicKey parsePublicKey(String text) {
        byte[] raw;
        try {
            raw = Base64Url.decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The public key is " + e.getMessage());
        }
        if (raw.length != Ed25519.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("The public key is " + raw.length + " bytes, not 32");
        }
        return Ed25519.publicKey(raw);
    }

    public String keyId() {
        return keyIdOf(publicKey);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String publicKeyText() {
        return publicKeyText(publicKey);
    }

    /** The PKCS#8 encoding of the private key. */
    byte[] privateKeyPkcs8() {
        return privateKey.getEncoded();
    }

    public Signer signer() {
        return Signer.ed25519(privateKey);
    }
}
