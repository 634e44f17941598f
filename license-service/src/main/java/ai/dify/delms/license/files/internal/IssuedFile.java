package ai.dify.delms.license.files.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A license file as it was issued: its serial, what it was cut from, the key that signed it, and its
 * exact bytes (a repeated download returns them unchanged). Never changed.
 */
@Entity
@Table(name = "license_file")
public class IssuedFile {

    /** The column's size; a file is under 3,000 bytes (a customer name of 500 characters included). */
    static final int MAX_BYTES = 8000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String licenseId;
    private String fileSerial;
    private long licenseVersion;
    private String kid;
    private String termsDigest;
    private Instant issuedAt;
    private String issuedBy;
    @Column(length = MAX_BYTES)
    private byte[] content;

    protected IssuedFile() {
    }

    IssuedFile(String licenseId, String fileSerial, long licenseVersion, String kid, String termsDigest,
            Instant issuedAt, String issuedBy, String text) {
        this.licenseId = licenseId;
        this.fileSerial = fileSerial;
        this.licenseVersion = licenseVersion;
        this.kid = kid;
        this.termsDigest = termsDigest;
        this.issuedAt = issuedAt;
        this.issuedBy = issuedBy;
        this.content = text.getBytes(StandardCharsets.UTF_8);
    }

    String getLicenseId() { return licenseId; }
    String getFileSerial() { return fileSerial; }
    long getLicenseVersion() { return licenseVersion; }
    String getKid() { return kid; }
    Instant getIssuedAt() { return issuedAt; }
    String getIssuedBy() { return issuedBy; }

    /** The file's bytes exactly as signed (UTF-8). */
    byte[] content() {
        return content.clone();
    }
}
