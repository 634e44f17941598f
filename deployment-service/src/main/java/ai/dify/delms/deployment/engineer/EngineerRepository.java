package ai.dify.delms.deployment.engineer;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface EngineerRepository extends JpaRepository<Engineer, UUID> {

    boolean existsByEmail(String email);

    /** The {@code q} search; Spring Data escapes LIKE wildcards in the argument. */
    Page<Engineer> findByNameContainingIgnoreCaseOrEmailContainingIgnoreCase(String name, String email,
            Pageable pageable);
}
