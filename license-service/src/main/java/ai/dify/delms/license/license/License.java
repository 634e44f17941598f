package ai.dify.delms.license.license;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    @Enumerated(EnumType.STRING)
    private LicenseStatus statusBeforeSuspension;
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

    /**
     * Changes the status by hand (suspend, terminate, reinstate); a suspension remembers the status to
     * return to on reinstatement.
     *
     * @return the status before the change
     * @throws IllegalTransitionException if {@code to} is not a manual transition from the current status
     */
    LicenseStatus changeStatusByHand(LicenseStatus to, String actor, Instant now) {
        LicenseStatus from = status;
        Set<LicenseStatus> allowed = from.manualNext(statusBeforeSuspension);
        if (!allowed.contains(to)) {
            throw new IllegalTransitionException(id, from, to, allowed);
        }
        statusBeforeSuspension = to == LicenseStatus.SUSPENDED ? from : null;
        status = to;
        touch(actor, now);
        return from;
    }

    /**
     * Applies the editable fields; the result must satisfy the same rules as on creation.
     *
     * @return the fields that changed, in a stable order; empty (and nothing touched) if none did
     * @throws ai.dify.delms.platform.problem.InvalidFieldException naming the first field that breaks a rule
     */
    List<FieldChange> update(LicenseEdit edit, String actor, Instant now) {
        new LicenseTerms(productType, licenseType, customerId, edit.salesRepId(), edit.resellerId(), edit.orderDate(),
                edit.startDate(), edit.expiryDate(), edit.authorizedWorkspaces(), edit.authorizedUsers(),
                edit.notes()).check();
        List<FieldChange> changes = new ArrayList<>();
        if (FieldChange.differs(salesRepId, edit.salesRepId())) {
            changes.add(FieldChange.of("salesRepId", salesRepId, edit.salesRepId()));
            salesRepId = edit.salesRepId();
        }
        if (FieldChange.differs(resellerId, edit.resellerId())) {
            changes.add(FieldChange.of("resellerId", resellerId, edit.resellerId()));
            resellerId = edit.resellerId();
        }
        if (FieldChange.differs(orderDate, edit.orderDate())) {
            changes.add(FieldChange.of("orderDate", orderDate, edit.orderDate()));
            orderDate = edit.orderDate();
        }
        if (FieldChange.differs(startDate, edit.startDate())) {
            changes.add(FieldChange.of("startDate", startDate, edit.startDate()));
            startDate = edit.startDate();
        }
        if (FieldChange.differs(expiryDate, edit.expiryDate())) {
            changes.add(FieldChange.of("expiryDate", expiryDate, edit.expiryDate()));
            expiryDate = edit.expiryDate();
        }
        if (authorizedWorkspaces != edit.authorizedWorkspaces()) {
            changes.add(FieldChange.of("authorizedWorkspaces", authorizedWorkspaces, edit.authorizedWorkspaces()));
            authorizedWorkspaces = edit.authorizedWorkspaces();
        }
        if (authorizedUsers != edit.authorizedUsers()) {
            changes.add(FieldChange.of("authorizedUsers", authorizedUsers, edit.authorizedUsers()));
            authorizedUsers = edit.authorizedUsers();
        }
        if (FieldChange.differs(notes, edit.notes())) {
            changes.add(FieldChange.of("notes", notes, edit.notes()));
            notes = edit.notes();
        }
        if (!changes.isEmpty()) {
            touch(actor, now);
        }
        return changes;
    }

    /** The editable fields as they are now. */
    LicenseEdit editable() {
        return new LicenseEdit(salesRepId, resellerId, orderDate, startDate, expiryDate, authorizedWorkspaces,
                authorizedUsers, notes);
    }

    private void touch(String actor, Instant now) {
        updatedAt = now;
        updatedBy = actor;
    }

    /** Days from {@code today} to the expiry date (negative once expired); null for a perpetual license. */
    public Long daysToExpiry(LocalDate today) {
        return expiryDate == null ? null : ChronoUnit.DAYS.between(today, expiryDate);
    }

    public LicenseId getId() { return new LicenseId(id); }
    public String getProductType() { return productType; }
    public LicenseType getLicenseType() { return licenseType; }
    public LicenseStatus getStatus() { return status; }
    public LicenseStatus getStatusBeforeSuspension() { return statusBeforeSuspension; }
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
