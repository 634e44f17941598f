package ai.dify.delms.license.airgap.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InstanceRepository extends JpaRepository<Instance, UUID> {

    List<Instance> findByLicenseIdOrderByRegisteredAtAscIdAsc(String licenseId);

    Optional<Instance> findByIdAndLicenseId(UUID id, String licenseId);

    boolean existsByLicenseIdAndKeyId(String licenseId, String keyId);

    /** The instance of the license with this key, locked until the transaction ends: imports from it run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Instance i where i.licenseId = :licenseId and i.keyId = :keyId")
    Optional<Instance> findForUpdate(@Param("licenseId") String licenseId, @Param("keyId") String keyId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Instance i where i.id = :id and i.licenseId = :licenseId")
    Optional<Instance> findForUpdateById(@Param("id") UUID id, @Param("licenseId") String licenseId);
}
