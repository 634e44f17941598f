package ai.dify.delms.license.license;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** An enterprise license: what it grants, to whom, for how long, and where it is in its lifecycle. */
@Entity
public class License {

    @Id
    private String id;
    private String productType;
    @Enumerated(EnumType.STRING)
    private LicenseType licenseType;
    @Enumerated(EnumType.STRING)
    private LicenseStatus status;
    private UUID customerId;
    private UUID salesRepId;
    private UUID resellerId;
    private LocalDate orderDate;
    private LocalDate startDate;
    private LocalDate expiryDate;
    private int authorizedWorkspaces;
    private int authorizedUsers;
    @Column(columnDefinition = "text")
    private String notes;
    private Instant createdAt;
    private Instant updatedAt;
    private String createdBy;
    private String updatedBy;
    /** Null until persisted: with an assigned id, that is how a new license is told from an existing one. */
    @Version
    private Long version;

    protected License() {
    }

    /** A new license in status CREATED; the terms must have passed {@link LicenseTerms#check()}. */
    static License create(LicenseId id, LicenseTerms terms, String actor, Instant now) {
        License license = new License();
        license.id = id.value();
        license.productType = terms.productType();
        license.licenseType = terms.licenseType();
        license.status = LicenseStatus.CREATED;
        license.customerId = terms.customerId();
        license.salesRepId = terms.salesRepId();
        license.resellerId = terms.resellerId();
        license.orderDate = terms.orderDate();
        license.startDate = terms.startDate();
        license.expiryDate = terms.expiryDate();
        license.authorizedWorkspaces = terms.authorizedWorkspaces();
        license.authorizedUsers = terms.authorizedUsers();
        license.notes = terms.notes();
        license.createdAt = now;
        license.updatedAt = now;
        license.createdBy = actor;
        license.updatedBy = actor;
        return license;
    }

    /** Days from {@code today} to the expiry date (negative once expired); null for a perpetual license. */
    public Long daysToExpiry(LocalDate today) {
        return expiryDate == null ? null : ChronoUnit.DAYS.between(today, expiryDate);
    }

    public LicenseId getId() { return new LicenseId(id); }
    public String getProductType() { return productType; }
    public LicenseType getLicenseType() { return licenseType; }
    public LicenseStatus getStatus() { return status; }
    public UUID getCustomerId() { return customerId; }
    public UUID getSalesRepId() { return salesRepId; }
    public UUID getResellerId() { return resellerId; }
    public LocalDate getOrderDate() { return orderDate; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getExpiryDate() { return expiryDate; }
    public int getAuthorizedWorkspaces() { return authorizedWorkspaces; }
    public int getAuthorizedUsers() { return authorizedUsers; }
    public String getNotes() { return notes; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getCreatedBy() { return createdBy; }
    public String getUpdatedBy() { return updatedBy; }
    public long getVersion() { return version == null ? 0 : version; }
}
