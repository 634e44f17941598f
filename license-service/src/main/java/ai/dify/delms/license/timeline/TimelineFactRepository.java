package ai.dify.delms.license.timeline;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineFactRepository extends JpaRepository<TimelineFact, Long> {

    List<TimelineFact> findByLicenseIdOrderByAtAscIdAsc(String licenseId);
}
