package ai.dify.delms.license.airgap.internal;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ai.dify.delms.licensefile.usage.ChainPosition;
import ai.dify.delms.licensefile.usage.InstanceKey;

/**
 * An air-gapped installation of a license: the public half of the Ed25519 instance key its usage
 * reports are signed with, and the last usage entry accepted from it (where the next report must
 * continue). Deactivated, it imports nothing more; it is never deleted, so its key cannot be
 * registered again on the license.
 */
@Entity
@Table(name = "license_instance")
public class Instance {

    @Id
    private UUID id;
    private String licenseId;
    private String name;
    private String publicKey;
    private String keyId;
    private boolean active;
    private Instant registeredAt;
    private String registeredBy;
    private Instant deactivatedAt;
    private String deactivatedBy;
    private Long lastSeq;
    private String lastHash;
    private Instant lastAt;
    @Version
    private Long version;

    protected Instance() {
    }

    /** @param publicKey the key in its registered text form, checked already */
    static Instance register(String licenseId, String name, PublicKey publicKey, String actor, Instant now) {
        Instance instance = new Instance();
        instance.id = UUID.randomUUID();
        instance.licenseId = licenseId;
        instance.name = name;
        instance.publicKey = InstanceKey.publicKeyText(publicKey);
        instance.keyId = InstanceKey.keyIdOf(publicKey);
        instance.active = true;
        instance.registeredAt = now;
        instance.registeredBy = actor;
        return instance;
    }

    /** @return false if it was deactivated already */
    boolean deactivate(String actor, Instant now) {
        if (!active) {
            return false;
        }
        active = false;
        deactivatedAt = now;
        deactivatedBy = actor;
        return true;
    }

    /** The last accepted entry; empty before the first import. */
    Optional<ChainPosition> lastAccepted() {
        return lastSeq == null ? Optional.empty() : Optional.of(new ChainPosition(lastSeq, lastHash, lastAt));
    }

    void accepted(ChainPosition position) {
        lastSeq = position.seq();
        lastHash = position.hash();
        lastAt = position.at();
    }

    PublicKey key() {
        return InstanceKey.parsePublicKey(publicKey);
    }

    UUID getId() { return id; }
    String getLicenseId() { return licenseId; }
    String getName() { return name; }
    String getPublicKey() { return publicKey; }
    String getKeyId() { return keyId; }
    boolean isActive() { return active; }
    Instant getRegisteredAt() { return registeredAt; }
    String getRegisteredBy() { return registeredBy; }
    Instant getDeactivatedAt() { return deactivatedAt; }
    String getDeactivatedBy() { return deactivatedBy; }
    Long getLastSeq() { return lastSeq; }
    Instant getLastAt() { return lastAt; }
}
