package ai.dify.delms.license.usage.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UsageReportRepository extends JpaRepository<UsageReport, Long> {

    Page<UsageReport> findByLicenseId(String licenseId, Pageable pageable);
}
