package ai.dify.delms.deployment.deployment.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeploymentHistoryRepository extends JpaRepository<DeploymentHistoryEntry, Long> {

    List<DeploymentHistoryEntry> findByDeploymentIdOrderByAtAscIdAsc(UUID deploymentId);
}
