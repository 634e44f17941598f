package ai.dify.delms.deployment.deployment.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface DeploymentRepository extends JpaRepository<Deployment, UUID>, JpaSpecificationExecutor<Deployment> {

    Optional<Deployment> findFirstByLicenseIdAndStatusIn(String licenseId, Collection<DeploymentStatus> statuses);
}
