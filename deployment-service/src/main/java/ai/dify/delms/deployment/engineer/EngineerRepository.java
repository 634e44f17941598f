package ai.dify.delms.deployment.engineer;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EngineerRepository extends JpaRepository<Engineer, UUID> {

    boolean existsByEmail(String email);

    boolean existsByEmailAndIdNot(String email, UUID id);

    /** Whether any deployment names the engineer (read directly: the deployment feature depends on this one). */
    @Query(value = "select count(*) from deployment where engineer_id = :engineerId", nativeQuery = true)
    long countDeployments(@Param("engineerId") String engineerId);

    /** The {@code q} search; Spring Data escapes LIKE wildcards in the argument. */
    Page<Engineer> findByNameContainingIgnoreCaseOrEmailContainingIgnoreCase(String name, String email,
            Pageable pageable);
}
