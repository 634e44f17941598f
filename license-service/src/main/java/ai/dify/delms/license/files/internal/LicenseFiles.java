package ai.dify.delms.license.files.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.license.license.License;
import ai.dify.delms.license.license.LicenseEvents;
import ai.dify.delms.license.license.LicenseService;
import ai.dify.delms.license.license.LicenseStatus;
import ai.dify.delms.license.signingkey.LicenseSigner;
import ai.dify.delms.licensefile.license.InvalidTermsException;
import ai.dify.delms.licensefile.license.LicenseFileWriter;
import ai.dify.delms.licensefile.license.LicenseTerms;
import ai.dify.delms.platform.problem.ConflictException;
import ai.dify.delms.platform.problem.UnavailableException;

/**
 * Issues the signed license files of licenses (docs/license-files.md, decision 29): the file of a
 * license's current terms, signed with the ACTIVE key. The same terms with the same ACTIVE key are
 * the same file: a repeated download returns the stored bytes and records nothing. A new file is
 * recorded, put on the timeline and published as {@code delms.license.file-issued.v1}.
 * <p>
 * The license row is locked while a file is issued, so two first downloads run one after the other
 * and the second finds the first one's file (the unique index on terms and key stands behind it).
 */
@Service
public class LicenseFiles {

    private static final Logger log = LoggerFactory.getLogger(LicenseFiles.class);

    private final IssuedFileRepository files;
    private final LicenseService licenses;
    private final KnownCustomers customers;
    private final LicenseSigner signer;
    private final ApplicationEventPublisher events;
    private final LicenseFileProperties properties;
    private final Clock clock;

    LicenseFiles(IssuedFileRepository files, LicenseService licenses, KnownCustomers customers, LicenseSigner signer,
            ApplicationEventPublisher events, LicenseFileProperties properties, Clock clock) {
        this.files = files;
        this.licenses = licenses;
        this.customers = customers;
        this.signer = signer;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** A license file of the license's current terms. */
    @Transactional
    FileDownload fileOf(String licenseId, String actor) {
        return fileOf(licenses.lock(licenseId), actor);
    }

    /** {@link #fileOf} for a partner: one of the reseller's licenses only; any other is not found, like an unknown id. */
    @Transactional
    FileDownload fileOfReseller(String licenseId, UUID resellerId, String actor) {
        return fileOf(licenses.lockOfReseller(licenseId, resellerId), actor);
    }

    /** The files issued for a license. */
    @Transactional(readOnly = true)
    Page<IssuedFile> issued(String licenseId, Pageable pageable) {
        licenses.get(licenseId);
        return files.findByLicenseId(licenseId, pageable);
    }

    /** The files issued for one of the reseller's licenses; any other license is not found. */
    @Transactional(readOnly = true)
    Page<IssuedFile> issuedOfReseller(String licenseId, UUID resellerId, Pageable pageable) {
        licenses.getOfReseller(licenseId, resellerId);
        return files.findByLicenseId(licenseId, pageable);
    }

    private FileDownload fileOf(License license, String actor) {
        refuseWithoutFile(license);
        String id = license.getId().value();
        FileTerms terms = FileTerms.of(license, customerName(license), properties.gracePeriodDays());
        String digest = terms.digest();
        Optional<IssuedFile> existing = signer.activeKid()
                .flatMap(kid -> files.findByLicenseIdAndTermsDigestAndKid(id, digest, kid));
        if (existing.isPresent()) {
            return new FileDownload(existing.get(), false);
        }
        Instant now = clock.instant();
        String serial = "LF-" + id + "-" + (files.countByLicenseId(id) + 1);
        LicenseTerms fileTerms = termsOf(terms, serial, now);
        IssuedFile file = signer.withActiveKey((kid, sign) -> new IssuedFile(id, serial, license.getVersion(), kid,
                digest, now, actor, LicenseFileWriter.write(fileTerms, kid, sign::apply)));
        files.saveAndFlush(file);
        events.publishEvent(LicenseEvents.LicenseFileIssued.of(license, serial, file.getKid(), now, actor));
        log.info("License file {} issued for {} (version {}, key {}) by {}", serial, id, license.getVersion(),
                file.getKid(), actor);
        return new FileDownload(file, true);
    }

    /** A suspended or terminated license must not run anywhere new: no file for it. */
    private static void refuseWithoutFile(License license) {
        LicenseStatus status = license.getStatus();
        if (status == LicenseStatus.SUSPENDED) {
            throw new ConflictException("License " + license.getId().value() + " is SUSPENDED: no license file is "
                    + "issued for a suspended license. Reinstate it first (POST /api/v1/licenses/"
                    + license.getId().value() + "/transitions), then download the file again.",
                    Map.of("licenseStatus", status.name()));
        }
        if (status == LicenseStatus.TERMINATED) {
            throw new ConflictException("License " + license.getId().value() + " is TERMINATED: no license file is "
                    + "issued for a terminated license. A customer that goes on needs a new license.",
                    Map.of("licenseStatus", status.name()));
        }
    }

    private String customerName(License license) {
        return customers.name(license.getCustomerId()).orElseThrow(() -> new UnavailableException("The name of customer "
                + license.getCustomerId() + " is not known to license-service yet; try again in a moment.", null));
    }

    private static LicenseTerms termsOf(FileTerms terms, String serial, Instant issuedAt) {
        try {
            return terms.toFile(serial, issuedAt);
        } catch (InvalidTermsException e) {
            throw new ConflictException("License " + terms.licenseId() + " cannot be written into a license file: "
                    + e.getMessage() + ". Correct the license or the customer, then download the "
                    + "file again.", Map.of("field", e.field()));
        }
    }

    /** A file to hand out and whether this download issued it (false: the same file as before). */
    record FileDownload(IssuedFile file, boolean newlyIssued) {
    }
}
