package ai.dify.delms.license.signingkey.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SigningKeyRepository extends JpaRepository<SigningKey, String> {

    /**
     * Takes the lock every creator of an ACTIVE key holds until its commit (rotations, the first key):
     * the ACTIVE key read after it is the latest committed one.
     */
    @Query(value = "select name from license_signing_key_lock where name = 'rotation' for update", nativeQuery = true)
    String lockRotation();

    Optional<SigningKey> findByStatus(SigningKeyStatus status);

    /** The key with this status, its row locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select k from SigningKey k where k.status = :status")
    Optional<SigningKey> findByStatusForUpdate(@Param("status") SigningKeyStatus status);

    /** The key, its row locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select k from SigningKey k where k.kid = :kid")
    Optional<SigningKey> findForUpdate(@Param("kid") String kid);

    /** Newest first. */
    List<SigningKey> findAllByOrderByCreatedAtDescKidDesc();
}
