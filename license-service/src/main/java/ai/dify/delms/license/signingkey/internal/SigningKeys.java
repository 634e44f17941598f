package ai.dify.delms.license.signingkey.internal;

import ai.dify.delms.licensefile.Ed25519;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.problem.NotFoundException;
import ai.dify.delms.platform.security.CurrentActor;

/**
 * The license-file signing keys: rotation, revocation and the first key of a fresh system
 * (docs/decisions.md, 26). Whoever makes an ACTIVE key holds the rotation lock until its commit,
 * so concurrent rotations on any instances leave exactly one ACTIVE key (the database's unique
 * index on the ACTIVE key stands behind it).
 */
@Service
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final SigningKeyRepository keys;
    private final KeyEncryptionKeys keks;
    private final Clock clock;

    SigningKeys(SigningKeyRepository keys, KeyEncryptionKeys keks, Clock clock) {
        this.keys = keys;
        this.keks = keks;
        this.clock = clock;
    }

    /** Every key, newest first. */
    @Transactional(readOnly = true)
    List<SigningKey> list() {
        return keys.findAllByOrderByCreatedAtDescKidDesc();
    }

    @Transactional(readOnly = true)
    SigningKey get(String kid) {
        return find(kid).orElseThrow(() -> notFound(kid));
    }

    @Transactional(readOnly = true)
    public Optional<SigningKey> find(String kid) {
        return keys.findById(kid);
    }

    /** The ACTIVE key as committed now, without a lock; empty on a fresh system. */
    @Transactional(readOnly = true)
    public Optional<SigningKey> active() {
        return keys.findByStatus(SigningKeyStatus.ACTIVE);
    }

    /** A new ACTIVE key; the previous ACTIVE one is retired (and its private key discarded) in the same transaction. */
    @Transactional
    SigningKey rotate(String actor) {
        keys.lockRotation();
        Instant now = now();
        keys.findByStatusForUpdate(SigningKeyStatus.ACTIVE).ifPresent(previous -> {
            previous.retire(now);
            // written before the new key: the database allows one ACTIVE key at a time
            keys.saveAndFlush(previous);
            log.info("License signing key {} retired by {}", previous.getKid(), actor);
        });
        SigningKey key = create(actor, now);
        log.info("License signing key {} is active, made by {}", key.getKid(), actor);
        return key;
    }

    /**
     * The ACTIVE key; on a fresh system the first key, made now, so that files can be issued without
     * any setup. In a transaction of its own, committed before the caller's goes on.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public SigningKey activeOrFirst() {
        keys.lockRotation();
        return keys.findByStatusForUpdate(SigningKeyStatus.ACTIVE).orElseGet(() -> {
            SigningKey first = create(CurrentActor.SYSTEM.auditName(), now());
            log.info("License signing key {} is active: the first key, made for the first signature", first.getKid());
            return first;
        });
    }

    /**
     * Revokes a retired key for good.
     *
     * @throws NotFoundException for an unknown key
     * @throws ai.dify.delms.platform.problem.ConflictException for the ACTIVE key or one revoked already
     */
    @Transactional
    SigningKey revoke(String kid, String reason, String actor) {
        SigningKey key = keys.findForUpdate(kid).orElseThrow(() -> notFound(kid));
        key.revoke(reason, actor, now());
        log.info("License signing key {} revoked by {}", kid, actor);
        return keys.saveAndFlush(key);
    }

    /**
     * Seals the ACTIVE key's private key with the current KEK if the previous one sealed it (a KEK
     * change): afterwards the previous KEK may be removed from the configuration.
     *
     * @return the key sealed again, if any
     */
    @Transactional
    Optional<String> resealWithCurrentKek() {
        Optional<SigningKey> active = keys.findByStatusForUpdate(SigningKeyStatus.ACTIVE);
        if (active.isEmpty() || !keks.isPrevious(active.get().sealedPrivateKey().kekFingerprint())) {
            return Optional.empty();
        }
        SigningKey key = active.get();
        byte[] privateKey = keks.open(key.getKid(), key.sealedPrivateKey());
        try {
            key.reseal(keks.seal(key.getKid(), privateKey));
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
        keys.saveAndFlush(key);
        log.info("License signing key {} is now encrypted with the current key-encryption key {}; the previous one "
                + "({}) is no longer needed", key.getKid(), keks.currentFingerprint(), keks.previousFingerprint().orElse(""));
        return Optional.of(key.getKid());
    }

    private SigningKey create(String actor, Instant now) {
        KeyPair pair = Ed25519.generateKeyPair();
        String kid = unusedKid(now);
        byte[] privateKey = pair.getPrivate().getEncoded();
        try {
            return keys.saveAndFlush(SigningKey.active(kid, Ed25519.raw(pair.getPublic()), keks.seal(kid, privateKey),
                    actor, now));
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    private String unusedKid(Instant now) {
        String kid = SigningKeyIds.next(now);
        while (keys.existsById(kid)) {
            kid = SigningKeyIds.next(now);
        }
        return kid;
    }

    private Instant now() {
        return clock.instant();
    }

    private static NotFoundException notFound(String kid) {
        return new NotFoundException("License signing key", kid);
    }
}
