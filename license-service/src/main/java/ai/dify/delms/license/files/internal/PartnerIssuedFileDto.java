package ai.dify.delms.license.files.internal;

import java.time.Instant;

/** A license file as a partner sees it: without who issued it (it may be vendor staff). */
public record PartnerIssuedFileDto(String fileSerial, long licenseVersion, String keyId, Instant issuedAt) {

    static PartnerIssuedFileDto of(IssuedFile file) {
        return new PartnerIssuedFileDto(file.getFileSerial(), file.getLicenseVersion(), file.getKid(),
                file.getIssuedAt());
    }
}
