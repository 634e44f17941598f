package ai.dify.delms.license.license;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface LicenseRepository extends JpaRepository<License, String>, JpaSpecificationExecutor<License> {
}
