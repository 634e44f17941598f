package ai.dify.delms.deployment.licenseview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What deployment-service knows of a license from license-service's events, at the newest license
 * version seen ({@code version}): an older event changes nothing. The status is kept as the text
 * license-service sends, so a status added there later does not break this read model.
 */
@Entity
@Table(name = "license_view")
public class LicenseView {

    /** Statuses after which nothing may be deployed for a license any more. */
    static final Set<String> CLOSED_TO_DEPLOYMENTS = Set.of("TERMINATED");

    @Id
    private String licenseId;
    private String status;
    private Instant createdAt;
    private LocalDate orderDate;
    /** The license's version the row shows; null while only events without a version were seen. */
    private Long version;
    private Instant updatedAt;

    protected LicenseView() {
    }

    LicenseView(String licenseId, String status, Instant createdAt, Instant now) {
        this.licenseId = licenseId;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = now;
    }

    /** A deployment may be scheduled only for a license that is not terminated. */
    public boolean acceptsDeployments() {
        return !CLOSED_TO_DEPLOYMENTS.contains(status);
    }

    /** Whether the row shows an older version of the license than {@code version} (or none yet). */
    boolean isBehind(long version) {
        return this.version == null || version > this.version;
    }

    /** Whether an event without a version (published before events carried one) may still apply. */
    boolean takesUnversioned() {
        return version == null;
    }

    /** The license as license-service has it at {@code version}. */
    void describe(String status, LocalDate orderDate, long version, Instant now) {
        this.status = status;
        this.orderDate = orderDate;
        this.version = version;
        this.updatedAt = now;
    }

    void changeStatus(String status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    void changeOrderDate(LocalDate orderDate, Instant now) {
        this.orderDate = orderDate;
        this.updatedAt = now;
    }

    /** The creation time, learnt late when a status change was seen before the license itself. */
    void learnCreatedAt(Instant createdAt) {
        if (this.createdAt == null) {
            this.createdAt = createdAt;
        }
    }

    public String getLicenseId() { return licenseId; }
    public String getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public LocalDate getOrderDate() { return orderDate; }
    public Long getVersion() { return version; }
    public Instant getUpdatedAt() { return updatedAt; }
}
