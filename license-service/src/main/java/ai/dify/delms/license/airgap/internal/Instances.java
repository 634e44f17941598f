package ai.dify.delms.license.airgap.internal;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.license.license.License;
import ai.dify.delms.license.license.LicenseService;
import ai.dify.delms.licensefile.usage.InstanceKey;
import ai.dify.delms.platform.problem.BadFieldException;
import ai.dify.delms.platform.problem.ConflictException;
import ai.dify.delms.platform.problem.NotFoundException;

/**
 * The air-gapped instances of licenses: registering an instance's public key, listing and
 * deactivating them. Partners do the same for their reseller's licenses only; any other license is
 * not found, exactly like an unknown id.
 */
@Service
public class Instances {

    private final InstanceRepository instances;
    private final LicenseService licenses;
    private final Clock clock;

    Instances(InstanceRepository instances, LicenseService licenses, Clock clock) {
        this.instances = instances;
        this.licenses = licenses;
        this.clock = clock;
    }

    /**
     * @throws BadFieldException (400) naming {@code publicKey} when it is not an Ed25519 public key
     * @throws ConflictException when the key is registered for the license already (also a deactivated one)
     */
    @Transactional
    Instance register(String licenseId, Requester requester, RegisterInstanceRequest request, String actor) {
        License license = requester.lock(licenses, licenseId);
        PublicKey key = parsed(request.publicKey());
        String keyId = InstanceKey.keyIdOf(key);
        if (instances.existsByLicenseIdAndKeyId(license.getId().value(), keyId)) {
            throw new ConflictException("Instance key " + keyId + " is registered for license " + licenseId
                    + " already.", Map.of("instanceKeyId", keyId));
        }
        return instances.saveAndFlush(Instance.register(license.getId().value(), request.name().strip(), key, actor,
                now()));
    }

    @Transactional(readOnly = true)
    List<Instance> list(String licenseId, Requester requester) {
        requester.read(licenses, licenseId);
        return instances.findByLicenseIdOrderByRegisteredAtAscIdAsc(licenseId);
    }

    /** @throws ConflictException when it was deactivated already (the first deactivation stays on record) */
    @Transactional
    Instance deactivate(String licenseId, Requester requester, UUID instanceId, String actor) {
        requester.read(licenses, licenseId);
        Instance instance = instances.findForUpdateById(instanceId, licenseId)
                .orElseThrow(() -> new NotFoundException("Instance", instanceId));
        if (!instance.deactivate(actor, now())) {
            throw new ConflictException("Instance " + instance.getKeyId() + " of license " + licenseId
                    + " was deactivated already, on " + instance.getDeactivatedAt() + ".",
                    Map.of("instanceId", instanceId, "active", false));
        }
        return instances.saveAndFlush(instance);
    }

    private static PublicKey parsed(String text) {
        try {
            return InstanceKey.parsePublicKey(text.strip());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BadFieldException("publicKey", "must be an Ed25519 public key as instance.pub holds it (base64url "
                    + "of the raw 32 bytes, no padding): " + e.getMessage());
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
