package ai.dify.delms.license.files.internal;

import java.time.Instant;

/**
 * A license file as issued: its serial, the license version it was cut from, the key that signed it
 * (the {@code kid} of the public keys document), when and by whom.
 */
public record IssuedFileDto(String fileSerial, long licenseVersion, String keyId, Instant issuedAt, String issuedBy) {

    static IssuedFileDto of(IssuedFile file) {
        return new IssuedFileDto(file.getFileSerial(), file.getLicenseVersion(), file.getKid(), file.getIssuedAt(),
                file.getIssuedBy());
    }
}
