package ai.dify.delms.license.license;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLock;

/**
 * An enterprise license: what it grants, to whom, for how long, and where it is in its lifecycle.
 * An update writes only the columns it changed: the usage fields are outside the optimistic lock, so
 * writing every column would put back the usage an edit read before a report committed.
 */
@Entity
@DynamicUpdate
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
    // The latest usage report: reports arrive often and are not edits, so they do not bump the version
    // (an If-Match read before a report stays valid); their writers lock the row, and every other write
    // leaves these columns alone (@DynamicUpdate).
    @OptimisticLock(excluded = true)
    private Integer usageWorkspaces;
    @OptimisticLock(excluded = true)
    private Integer usageUsers;
    @OptimisticLock(excluded = true)
    private Instant usageReportedAt;
    /** When the upgrade that set the product was recorded (null: none yet): a late, older upgrade does not undo it. */
    private Instant lastUpgradeAt;
    /** The database's generated column mirroring {@link #isOverused()}, for indexed queries only (may be stale in memory). */
    @Column(name = "overused", insertable = false, updatable = false)
    private boolean overusedInDatabase;
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

    /**
     * Records a usage report: it becomes the latest unless a more recent one is known, and a license
     * not yet in use (or just renewed) moves to IN_USE ({@link LicenseStatus#afterUsageReport()}).
     */
    UsageApplied recordUsage(LatestUsage report, String actor, Instant now) {
        LatestUsage previous = getUsage();
        boolean overusedBefore = isOverused();
        boolean becameLatest = report.isNotOlderThan(previous);
        if (becameLatest) {
            usageWorkspaces = report.workspaces();
            usageUsers = report.users();
            usageReportedAt = report.reportedAt();
        }
        LicenseStatus before = status;
        status = status.afterUsageReport();
        if (status != before) {
            touch(actor, now);
        }
        return new UsageApplied(previous, becameLatest, before, status, overusedBefore, isOverused());
    }

    /**
     * Applies a recorded purchase. Purchases of one license can arrive late, twice or in another
     * order than they were recorded (redelivery, a broker outage, resubmission), so the rule is
     * chosen to give the same license whatever the order (see docs/decisions.md, 12):
     *
     * <ul>
     * <li>{@code NEW}: nothing; it is the order the license was created from.</li>
     * <li>{@code RENEWAL}: the expiry becomes the purchase's {@code periodEnd} only if that is later
     *     (never backwards; a perpetual license has no expiry); limits as below; status RENEWED.
     *     A renewal whose period ends on or before the current expiry was superseded by a later one
     *     that got here first: it changes no expiry and no status.</li>
     * <li>{@code EXPANSION}: each limit becomes the purchase's "after" value only if that is higher
     *     (never lowered); the expiry is extended like a renewal's, never shortened; the status
     *     stays.</li>
     * <li>{@code UPGRADE}: the product becomes {@code productTypeAfter}, unless an upgrade recorded
     *     later ({@code recordedAt}) was applied already; limits and expiry as for an expansion;
     *     status RENEWED when the product or the expiry changed.</li>
     * </ul>
     *
     * Lowering a limit or shortening the license is an edit of the license by staff, never the effect
     * of a purchase. A TERMINATED license changes no more. A SUSPENDED license stays suspended and
     * returns to RENEWED on reinstatement.
     *
     * @param recordedAt when sales-service recorded the purchase: orders upgrades
     * @return the changed fields, {@code status} included
     * @throws IllegalArgumentException if a limit after the purchase is not positive
     */
    List<FieldChange> applyPurchase(PurchaseFacts purchase, Instant recordedAt, String actor, Instant now) {
        List<FieldChange> changes = new ArrayList<>();
        if (purchase.type() == PurchaseType.NEW || status == LicenseStatus.TERMINATED) {
            return changes;
        }
        if (purchase.workspacesAfter() != null) {
            requirePositive(purchase, "workspacesAfter", purchase.workspacesAfter());
        }
        if (purchase.usersAfter() != null) {
            requirePositive(purchase, "usersAfter", purchase.usersAfter());
        }
        boolean extended = false;
        if (licenseType.expires() && purchase.periodEnd() != null && purchase.periodEnd().isAfter(expiryDate)) {
            changes.add(FieldChange.of("expiryDate", expiryDate, purchase.periodEnd()));
            expiryDate = purchase.periodEnd();
            extended = true;
        }
        if (purchase.workspacesAfter() != null && purchase.workspacesAfter() > authorizedWorkspaces) {
            changes.add(FieldChange.of("authorizedWorkspaces", authorizedWorkspaces, purchase.workspacesAfter()));
            authorizedWorkspaces = purchase.workspacesAfter();
        }
        if (purchase.usersAfter() != null && purchase.usersAfter() > authorizedUsers) {
            changes.add(FieldChange.of("authorizedUsers", authorizedUsers, purchase.usersAfter()));
            authorizedUsers = purchase.usersAfter();
        }
        boolean upgraded = false;
        if (purchase.type() == PurchaseType.UPGRADE && purchase.productTypeAfter() != null
                && (lastUpgradeAt == null || recordedAt.isAfter(lastUpgradeAt))) {
            lastUpgradeAt = recordedAt;
            if (!purchase.productTypeAfter().equals(productType)) {
                changes.add(FieldChange.of("productType", productType, purchase.productTypeAfter()));
                productType = purchase.productTypeAfter();
                upgraded = true;
            }
        }
        if (renews(purchase, extended, upgraded)) {
            if (status == LicenseStatus.SUSPENDED) {
                statusBeforeSuspension = LicenseStatus.RENEWED;
            } else if (status != LicenseStatus.RENEWED && status.canChangeTo(LicenseStatus.RENEWED)) {
                changes.add(FieldChange.of("status", status, LicenseStatus.RENEWED));
                status = LicenseStatus.RENEWED;
            }
        }
        if (!changes.isEmpty()) {
            touch(actor, now);
        }
        return changes;
    }

    /**
     * Whether a renewal or upgrade renews the license: one that extended the expiry or changed the
     * product; a renewal without a period (or of a license that does not expire) always does. A
     * superseded one (a later one was applied first) does not.
     */
    private boolean renews(PurchaseFacts purchase, boolean extended, boolean upgraded) {
        return switch (purchase.type()) {
            case RENEWAL -> extended || !licenseType.expires() || purchase.periodEnd() == null;
            case UPGRADE -> extended || upgraded;
            case NEW, EXPANSION -> false;
        };
    }

    private static void requirePositive(PurchaseFacts purchase, String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("Purchase " + purchase.id() + " has " + field + " " + value);
        }
    }

    /**
     * A deployment was completed: a CREATED license becomes DEPLOYED; in any other status the
     * deployment is only a fact for the timeline (it was used, renewed, suspended... already).
     *
     * @return the status before, if it changed
     */
    Optional<LicenseStatus> deploymentCompleted(String actor, Instant now) {
        if (status != LicenseStatus.CREATED) {
            return Optional.empty();
        }
        status = LicenseStatus.DEPLOYED;
        touch(actor, now);
        return Optional.of(LicenseStatus.CREATED);
    }

    /**
     * The expiry date has passed ({@code today} is after it): a working license becomes EXPIRED.
     * SUSPENDED and TERMINATED licenses are left alone; a reinstated one expires on the next run.
     *
     * @return the status before, if it changed
     */
    Optional<LicenseStatus> expireIfDue(LocalDate today, String actor, Instant now) {
        if (expiryDate == null || !today.isAfter(expiryDate) || !status.expiresWhenDue()) {
            return Optional.empty();
        }
        LicenseStatus before = status;
        status = LicenseStatus.EXPIRED;
        touch(actor, now);
        return Optional.of(before);
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

    /** The latest usage report, or null before any. */
    public LatestUsage getUsage() {
        return usageReportedAt == null ? null : new LatestUsage(usageWorkspaces, usageUsers, usageReportedAt);
    }

    /** Whether the latest usage report is above an authorized limit. */
    public boolean isOverused() {
        LatestUsage usage = getUsage();
        return usage != null && usage.exceeds(authorizedWorkspaces, authorizedUsers);
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
