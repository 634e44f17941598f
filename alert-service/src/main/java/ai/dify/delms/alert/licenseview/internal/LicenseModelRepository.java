package ai.dify.delms.alert.licenseview.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import ai.dify.delms.alert.licenseview.LicenseModel;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface LicenseModelRepository extends JpaRepository<LicenseModel, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from LicenseModel m where m.licenseId = :licenseId")
    Optional<LicenseModel> findForUpdate(String licenseId);

    /** The next batch in license id order, locked: evaluating a license waits for a running batch holding it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from LicenseModel m where m.licenseId > :after order by m.licenseId")
    List<LicenseModel> findBatchAfterForUpdate(String after, Limit limit);

    @Query("select m.licenseId from LicenseModel m where m.licenseId > :after order by m.licenseId")
    List<String> findIdsAfter(String after, Limit limit);

    /** The next batch of licenses due for evaluation at {@code now}, locked (through the next-evaluation index). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from LicenseModel m where m.nextEvaluationAt <= :now and m.licenseId > :after order by m.licenseId")
    List<LicenseModel> findDueAfterForUpdate(Instant now, String after, Limit limit);

    @Query("select m.licenseId from LicenseModel m where m.nextEvaluationAt <= :now and m.licenseId > :after "
            + "order by m.licenseId")
    List<String> findDueIdsAfter(Instant now, String after, Limit limit);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from LicenseModel m where m.licenseId in :licenseIds order by m.licenseId")
    List<LicenseModel> findAllForUpdate(Collection<String> licenseIds);

    @Modifying
    @Query("delete from LicenseModel")
    int deleteAllInBulk();
}
