package ai.dify.delms.license.signingkey.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One key-encryption key (KEK): seals a signing key's private key with AES-256-GCM under a fresh
 * random nonce, with the key id as associated data, so a sealed key copied to another key's row
 * does not open. Sealed form: nonce (12 bytes), then ciphertext and tag (16 bytes). Never prints
 * the key; its {@link #fingerprint()} names it in logs and in the database instead.
 */
public final class KeyEncryptionKey {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final byte[] FINGERPRINT_CONTEXT = "delms-license-files-kek:".getBytes(StandardCharsets.US_ASCII);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String fingerprint;

    private KeyEncryptionKey(byte[] keyBytes) {
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.fingerprint = fingerprintOf(keyBytes);
    }

    /**
     * The KEK configured in {@code property} as base64 of 32 bytes.
     *
     * @throws IllegalArgumentException naming the property (never the value) if it is not that
     */
    static KeyEncryptionKey fromBase64(String property, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(property + " is not set: give it base64 of " + KEY_BYTES
                    + " random bytes (e.g. openssl rand -base64 32) from the secret store");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(property + " is not base64: give it base64 of " + KEY_BYTES
                    + " random bytes (e.g. openssl rand -base64 32)");
        }
        try {
            if (bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException(property + " holds " + bytes.length + " bytes, not " + KEY_BYTES
                        + ": give it base64 of " + KEY_BYTES + " random bytes (e.g. openssl rand -base64 32)");
            }
            return new KeyEncryptionKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** 16 hex digits of a SHA-256 of the key: tells KEKs apart without revealing them. */
    String fingerprint() {
        return fingerprint;
    }

    /** The plaintext sealed for the key {@code kid}: nonce, ciphertext, tag. */
    byte[] seal(byte[] plaintext, String kid) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    /**
     * The plaintext of what {@link #seal} made for {@code kid}.
     *
     * @throws GeneralSecurityException if this is not the KEK that sealed it, it was sealed for
     *                                  another key id, or it was altered
     */
    byte[] open(byte[] sealed, String kid) throws GeneralSecurityException {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("sealed key too short");
        }
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    private static String fingerprintOf(byte[] keyBytes) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(FINGERPRINT_CONTEXT);
            return HexFormat.of().formatHex(sha256.digest(keyBytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[" + fingerprint + "]";
    }
}
