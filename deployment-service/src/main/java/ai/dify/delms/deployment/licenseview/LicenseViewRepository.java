package ai.dify.delms.deployment.licenseview;

import org.springframework.data.jpa.repository.JpaRepository;

interface LicenseViewRepository extends JpaRepository<LicenseView, String> {
}
