package ai.dify.delms.license.signingkey.internal;


import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ai.dify.delms.platform.problem.ConflictException;

/**
 * A key license files are signed with. Its public key is published for ever (with its status);
 * its private key exists, sealed, only while it is ACTIVE: retiring a key discards it, so a retired
 * or revoked key can never sign again, whoever gets hold of the database and the KEK later.
 */
@Entity
@Table(name = "license_signing_key")
public class SigningKey {

    @Id
    private String kid;
    private String algorithm;
    private byte[] publicKey;
    private byte[] sealedPrivateKey;
    private String kekFingerprint;
    @Enumerated(EnumType.STRING)
    private SigningKeyStatus status;
    private Instant createdAt;
    private String createdBy;
    private Instant retiredAt;
    private Instant revokedAt;
    private String revokedBy;
    private String revocationReason;
    /** Null until persisted: with an assigned id, that is how a new key is told from an existing one. */
    @Version
    private Long version;

    protected SigningKey() {
    }

    /** A new key that signs from now on. */
    static SigningKey active(String kid, byte[] rawPublicKey, SealedPrivateKey privateKey, String actor, Instant now) {
        SigningKey key = new SigningKey();
        key.kid = kid;
        key.algorithm = "Ed25519";
        key.publicKey = rawPublicKey.clone();
        key.sealedPrivateKey = privateKey.sealed();
        key.kekFingerprint = privateKey.kekFingerprint();
        key.status = SigningKeyStatus.ACTIVE;
        key.createdAt = now;
        key.createdBy = actor;
        return key;
    }

    /** Stops signing; files it signed still verify. The private key is discarded. */
    void retire(Instant now) {
        status = SigningKeyStatus.RETIRED;
        retiredAt = now;
        sealedPrivateKey = null;
        kekFingerprint = null;
    }

    /**
     * Marks the key as never to be trusted again.
     *
     * @throws ConflictException for the ACTIVE key (rotate first) and for a key revoked already
     */
    void revoke(String reason, String actor, Instant now) {
        if (status == SigningKeyStatus.ACTIVE) {
            throw new ConflictException("License signing key " + kid + " is the active key and signs every new "
                    + "license file: rotate first (POST /api/v1/license-keys makes a new active key and retires this "
                    + "one), then revoke it.", Map.of("kid", kid, "status", status));
        }
        if (status == SigningKeyStatus.REVOKED) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("kid", kid);
            properties.put("status", status);
            properties.put("revokedAt", revokedAt.toString());
            throw new ConflictException("License signing key " + kid + " was revoked already, at " + revokedAt
                    + " by " + revokedBy + "; its reason stays as it was recorded.", properties);
        }
        status = SigningKeyStatus.REVOKED;
        revokedAt = now;
        revokedBy = actor;
        revocationReason = reason;
    }

    /** The private key sealed again, with another key-encryption key. */
    void reseal(SealedPrivateKey privateKey) {
        if (status != SigningKeyStatus.ACTIVE) {
            throw new IllegalStateException("only the active key keeps a private key");
        }
        sealedPrivateKey = privateKey.sealed();
        kekFingerprint = privateKey.kekFingerprint();
    }

    /** The sealed private key of the ACTIVE key. */
    public SealedPrivateKey sealedPrivateKey() {
        if (sealedPrivateKey == null) {
            throw new IllegalStateException("license signing key " + kid + " is " + status + " and has no private key");
        }
        return new SealedPrivateKey(sealedPrivateKey, kekFingerprint);
    }

    public String getKid() {
        return kid;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    /** The raw 32-byte Ed25519 public key. */
    public byte[] getPublicKey() {
        return publicKey.clone();
    }

    public SigningKeyStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public String getRevocationReason() {
        return revocationReason;
    }

    public Long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "SigningKey[" + kid + ", " + status + "]";
    }
}
