package ai.dify.delms.license.timeline.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TimelineFactRepository extends JpaRepository<TimelineFact, Long> {

    List<TimelineFact> findByLicenseIdOrderByAtAscIdAsc(String licenseId);
}
