package ai.dify.delms.license.signingkey;

import ai.dify.delms.license.signingkey.internal.KeyEncryptionKeys;
import ai.dify.delms.license.signingkey.internal.LicenseSignature;
import ai.dify.delms.license.signingkey.internal.SealedPrivateKey;
import ai.dify.delms.license.signingkey.internal.SigningKey;
import ai.dify.delms.license.signingkey.internal.SigningKeyStatus;
import ai.dify.delms.license.signingkey.internal.SigningKeyUnreadableException;
import ai.dify.delms.license.signingkey.internal.SigningKeys;
import ai.dify.delms.licensefile.Ed25519;
import ai.dify.delms.licensefile.Signer;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs license files with the ACTIVE signing key (Ed25519), and gives the public key of any key
 * that still verifies. Never hands out private key material.
 * <p>
 * Every signature reads which key is ACTIVE from the database (one indexed row), so a rotation on
 * any instance takes effect on the next signature everywhere; only the decrypted private key of
 * that one key is kept in memory, and replaced when another key becomes ACTIVE. A revoked key is
 * never ACTIVE, so revocation needs no invalidation. On a fresh system the first signature makes
 * the first key.
 */
@Component
public class LicenseSigner {

    private static final Logger log = LoggerFactory.getLogger(LicenseSigner.class);

    private final SigningKeys keys;
    private final KeyEncryptionKeys keks;
    private volatile OpenedKey opened;

    LicenseSigner(SigningKeys keys, KeyEncryptionKeys keks) {
        this.keys = keys;
        this.keks = keks;
    }

    /**
     * Signs {@code data} with the ACTIVE key.
     *
     * @return the signature and the id of the key that made it
     * @throws SigningKeyUnreadableException if the configured key-encryption key cannot open the
     *                                       ACTIVE key (logged, with what to fix)
     */
    public LicenseSignature sign(byte[] data) {
        return withActiveKey((kid, signer) -> new LicenseSignature(kid, signer.apply(data)));
    }

    /**
     * Signs with the ACTIVE key, resolved once: {@code signing} gets that key's id and a function that
     * signs with that same key, so what it signs can name the key that signs it (a license file's
     * payload carries its key id) even while another instance rotates the keys.
     *
     * @throws SigningKeyUnreadableException as {@link #sign} does
     */
    public <T> T withActiveKey(ActiveKeySigning<T> signing) {
        SigningKey active = keys.active().orElseGet(keys::activeOrFirst);
        PrivateKey privateKey = privateKeyOf(active);
        return signing.sign(active.getKid(), data -> Signer.ed25519(privateKey).sign(data));
    }

    /** The id of the ACTIVE key as committed now; empty on a fresh system, before the first signature. */
    public Optional<String> activeKid() {
        return keys.active().map(SigningKey::getKid);
    }

    /** What {@link #withActiveKey} runs: {@code signer} returns the Ed25519 signature of the bytes it is given. */
    @FunctionalInterface
    public interface ActiveKeySigning<T> {
        T sign(String kid, UnaryOperator<byte[]> signer);
    }

    /**
     * The public key that verifies signatures of {@code kid}: of the ACTIVE key or a RETIRED one.
     *
     * @return empty for an unknown or a REVOKED key, whose signatures must not be trusted
     */
    public Optional<PublicKey> publicKey(String kid) {
        return keys.find(kid).filter(key -> key.getStatus() != SigningKeyStatus.REVOKED)
                .map(key -> Ed25519.publicKey(key.getPublicKey()));
    }

    /**
     * Opens the ACTIVE key now (at start-up), so that a wrong key-encryption key shows at once.
     *
     * @throws SigningKeyUnreadableException as {@link #sign} does, but not logged: the caller reports it
     */
    public Optional<String> openActiveKey() {
        return keys.active().map(active -> {
            open(active);
            return active.getKid();
        });
    }

    private PrivateKey privateKeyOf(SigningKey active) {
        try {
            return open(active);
        } catch (SigningKeyUnreadableException e) {
            log.error("Cannot sign license files: {}", e.getMessage());
            throw e;
        }
    }

    private PrivateKey open(SigningKey active) {
        OpenedKey current = opened;
        if (current != null && current.kid().equals(active.getKid())) {
            return current.key();
        }
        SealedPrivateKey sealed = active.sealedPrivateKey();
        byte[] pkcs8 = keks.open(active.getKid(), sealed);
        try {
            if (keks.isPrevious(sealed.kekFingerprint())) {
                log.warn("License signing key {} is still encrypted with the previous key-encryption key {}; a restart "
                        + "encrypts it with the current one", active.getKid(), sealed.kekFingerprint());
            }
            PrivateKey key = Ed25519.privateKey(pkcs8);
            opened = new OpenedKey(active.getKid(), key);
            return key;
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** The decrypted private key of one key id; printed as its id only. */
    private record OpenedKey(String kid, PrivateKey key) {

        @Override
        public String toString() {
            return "OpenedKey[" + kid + "]";
        }
    }
}
