package ai.dify.delms.deployment.engineer.internal;

import java.util.UUID;

import ai.dify.delms.deployment.engineer.Engineer;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EngineerRepository extends JpaRepository<Engineer, UUID>, JpaSpecificationExecutor<Engineer> {

    boolean existsByEmail(String email);

    boolean existsByEmailAndIdNot(String email, UUID id);

    /** Whether any deployment names the engineer (read directly: the deployment feature depends on this one). */
    @Query(value = "select count(*) from deployment where engineer_id = :engineerId", nativeQuery = true)
    long countDeployments(@Param("engineerId") String engineerId);
}
