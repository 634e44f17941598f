package ai.dify.delms.deployment.licenseview;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface LicenseViewRepository extends JpaRepository<LicenseView, String> {

    /**
     * The view as last committed, also when this transaction's earlier reads did not see it: a
     * locking read is not answered from the transaction's snapshot (repeatable read).
     */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select v from LicenseView v where v.licenseId = :licenseId")
    Optional<LicenseView> findLatest(String licenseId);
}
