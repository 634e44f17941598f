package ai.dify.delms.license.changelog.internal;

import ai.dify.delms.license.changelog.ChangeLogEntry;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ChangeLogRepository extends JpaRepository<ChangeLogEntry, Long> {

    Page<ChangeLogEntry> findByLicenseId(String licenseId, Pageable pageable);

    List<ChangeLogEntry> findByLicenseIdAndFieldOrderByAtAscIdAsc(String licenseId, String field);

    /** Per license: its id and the time of its latest change of {@code field}. */
    @Query("select e.licenseId, max(e.at) from ChangeLogEntry e where e.field = :field and e.licenseId in :licenseIds "
            + "group by e.licenseId")
    List<Object[]> findLatestChangeOf(String field, Collection<String> licenseIds);
}
