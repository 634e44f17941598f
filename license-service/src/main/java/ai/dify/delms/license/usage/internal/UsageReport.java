package ai.dify.delms.license.usage.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One usage report of a license, as received: never changed. */
@Entity
public class UsageReport {

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
    @Enumerated(EnumType.STRING)
    private UsageSource source;
    /** For an imported entry: the instance that recorded it and its sequence number in that instance's chain. */
    private UUID instanceId;
    private Long chainSeq;

    protected UsageReport() {
    }

    public UsageReport(String licenseId, int workspaces, int users, Instant reportedAt, Instant recordedAt, String reportedBy,
            UUID partnerResellerId) {
        this.licenseId = licenseId;
        this.workspaces = workspaces;
        this.users = users;
        this.reportedAt = reportedAt;
        this.recordedAt = recordedAt;
        this.reportedBy = reportedBy;
        this.partnerResellerId = partnerResellerId;
        this.source = UsageSource.API;
    }

    /** An entry of an imported usage report. */
    public static UsageReport imported(String licenseId, int workspaces, int users, Instant reportedAt, Instant recordedAt,
            String reportedBy, UUID partnerResellerId, UUID instanceId, long chainSeq) {
        UsageReport report = new UsageReport(licenseId, workspaces, users, reportedAt, recordedAt, reportedBy,
                partnerResellerId);
        report.source = UsageSource.OFFLINE_IMPORT;
        report.instanceId = instanceId;
        report.chainSeq = chainSeq;
        return report;
    }

    Long getId() { return id; }
    String getLicenseId() { return licenseId; }
    int getWorkspaces() { return workspaces; }
    int getUsers() { return users; }
    Instant getReportedAt() { return reportedAt; }
    Instant getRecordedAt() { return recordedAt; }
    String getReportedBy() { return reportedBy; }
    UUID getPartnerResellerId() { return partnerResellerId; }
    UsageSource getSource() { return source; }
    UUID getInstanceId() { return instanceId; }
    Long getChainSeq() { return chainSeq; }
}
