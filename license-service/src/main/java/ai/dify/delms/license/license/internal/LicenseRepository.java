package ai.dify.delms.license.license.internal;

import ai.dify.delms.license.license.License;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LicenseRepository extends JpaRepository<License, String>, JpaSpecificationExecutor<License> {

    /** The license, its row locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from License l where l.id = :id")
    Optional<License> findForUpdate(@Param("id") String id);

    /** The license if it is the reseller's; another reseller's is as absent as an unknown id. */
    Optional<License> findByIdAndResellerId(String id, UUID resellerId);

    /** {@link #findForUpdate} of one of the reseller's licenses only. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from License l where l.id = :id and l.resellerId = :resellerId")
    Optional<License> findForUpdateOfReseller(@Param("id") String id, @Param("resellerId") UUID resellerId);

    /** Ids of licenses past their expiry date, locked; rows another transaction holds are skipped. */
    @Query(value = """
            select id from license where expiry_date < :today and status in (:statuses)
            order by expiry_date limit :limit for update skip locked""", nativeQuery = true)
    List<String> lockDueForExpiry(@Param("today") LocalDate today, @Param("statuses") Collection<String> statuses,
            @Param("limit") int limit);

    /** The next licenses in id order after {@code after}, locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from License l where l.id > :after order by l.id")
    List<License> findPageAfterForUpdate(@Param("after") String after, Limit limit);
}
