package ai.dify.delms.sales.licenseview.internal;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import ai.dify.delms.sales.licenseview.LicenseSale;

public interface LicenseSaleRepository extends JpaRepository<LicenseSale, String> {

    /** The license, its row locked ({@code SELECT ... FOR UPDATE}) until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from LicenseSale s where s.licenseId = :licenseId")
    Optional<LicenseSale> findForUpdate(@Param("licenseId") String licenseId);
}
