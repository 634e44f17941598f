package ai.dify.delms.license.airgap.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An instance as the API shows it: its key ({@code keyId} as the verifier library and the instance
 * itself compute it, {@code ik-} and 16 hex digits), whether reports are still imported from it,
 * and the last usage entry accepted from it ({@code lastSeq}, {@code lastAt}; null before the first).
 */
public record InstanceDto(UUID id, String licenseId, String name, String publicKey, String keyId, boolean active,
        Instant registeredAt, String registeredBy, Instant deactivatedAt, String deactivatedBy, Long lastSeq,
        Instant lastAt) {

    static InstanceDto of(Instance i) {
        return new InstanceDto(i.getId(), i.getLicenseId(), i.getName(), i.getPublicKey(), i.getKeyId(), i.isActive(),
                i.getRegisteredAt(), i.getRegisteredBy(), i.getDeactivatedAt(), i.getDeactivatedBy(), i.getLastSeq(),
                i.getLastAt());
    }

    /** For a partner: without the names of who registered or deactivated it (they may be vendor staff). */
    InstanceDto withoutActors() {
        return new InstanceDto(id, licenseId, name, publicKey, keyId, active, registeredAt, null, deactivatedAt, null,
                lastSeq, lastAt);
    }
}
