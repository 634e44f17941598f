package ai.dify.delms.alert.licensemodel;

import org.springframework.data.jpa.repository.JpaRepository;

interface LicenseModelRepository extends JpaRepository<LicenseModel, String> {
}
