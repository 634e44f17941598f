package ai.dify.delms.license.usage;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface UsageReportRepository extends JpaRepository<UsageReport, Long> {

    Page<UsageReport> findByLicenseId(String licenseId, Pageable pageable);
}
