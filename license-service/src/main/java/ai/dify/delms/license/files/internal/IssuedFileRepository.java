package ai.dify.delms.license.files.internal;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IssuedFileRepository extends JpaRepository<IssuedFile, Long> {

    Optional<IssuedFile> findByLicenseIdAndTermsDigestAndKid(String licenseId, String termsDigest, String kid);

    long countByLicenseId(String licenseId);

    Page<IssuedFile> findByLicenseId(String licenseId, Pageable pageable);
}
