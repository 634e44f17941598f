package ai.dify.delms.deployment.licenseview.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import ai.dify.delms.deployment.licenseview.LicenseView;
import jakarta.persistence.LockModeType;

public interface LicenseViewRepository extends JpaRepository<LicenseView, String> {

    /**
     * The view as last committed, also when this transaction's earlier reads did not see it: a
     * locking read is not answered from the transaction's snapshot (repeatable read).
     */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select v from LicenseView v where v.licenseId = :licenseId")
    Optional<LicenseView> findLatest(String licenseId);
}
