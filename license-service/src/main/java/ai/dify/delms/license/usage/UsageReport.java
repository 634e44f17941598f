package ai.dify.delms.license.usage;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One usage report of a license, as received: never changed. */
@Entity
class UsageReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String licenseId;
    private int workspaces;
    private int users;
    private Instant reportedAt;
    private Instant recordedAt;
    private String reportedBy;
    /** The reseller of the partner that sent it through the partner API; null when staff reported it. */
    private UUID partnerResellerId;

    protected UsageReport() {
    }

    UsageReport(String licenseId, int workspaces, int users, Instant reportedAt, Instant recordedAt, String reportedBy,
            UUID partnerResellerId) {
        this.licenseId = licenseId;
        this.workspaces = workspaces;
        this.users = users;
        this.reportedAt = reportedAt;
        this.recordedAt = recordedAt;
        this.reportedBy = reportedBy;
        this.partnerResellerId = partnerResellerId;
    }

    Long getId() { return id; }
    String getLicenseId() { return licenseId; }
    int getWorkspaces() { return workspaces; }
    int getUsers() { return users; }
    Instant getReportedAt() { return reportedAt; }
    Instant getRecordedAt() { return recordedAt; }
    String getReportedBy() { return reportedBy; }
    UUID getPartnerResellerId() { return partnerResellerId; }
}
