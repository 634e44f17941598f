package ai.dify.delms.license.changelog;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChangeLogRepository extends JpaRepository<ChangeLogEntry, Long> {

    Page<ChangeLogEntry> findByLicenseId(String licenseId, Pageable pageable);

    List<ChangeLogEntry> findByLicenseIdAndFieldOrderByAtAscIdAsc(String licenseId, String field);
}
