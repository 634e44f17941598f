package ai.dify.delms.alert.licenseview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What alert-service knows of one license from license-service's events: the facts the alert rules
 * look at, at the newest license version seen ({@code version}; an older event changes nothing).
 * Statuses and license types are kept as the text license-service sends, so a value added there
 * later does not break this read model. A field is null until an event has told it.
 */
@Entity
@Table(name = "license_model")
public class LicenseModel {

    @Id
    private String licenseId;
    private UUID customerId;
    private String resellerId;
    private String licenseType;
    private String status;
    private LocalDate expiryDate;
    private Integer authorizedWorkspaces;
    private Integer authorizedUsers;
    private Integer usageWorkspaces;
    private Integer usageUsers;
    private Instant usageReportedAt;
    private Instant statusChangedAt;
    private Instant createdAt;
    /** The license's version the row shows; null while only events without a version were seen. */
    private Long version;
    private Instant updatedAt;
    /**
     * When the alerts of the license are to be evaluated next (docs/decisions.md, 39): now, when the
     * row changed and nobody has evaluated it since; after an evaluation, the moment time alone can
     * next change its alerts (null: never).
     */
    private Instant nextEvaluationAt;

    protected LicenseModel() {
    }

    LicenseModel(String licenseId, Instant now) {
        this.licenseId = licenseId;
        changed(now);
    }

    /**
     * The license as created. Facts already learnt from later events (a status change that got here
     * first) are newer and are kept.
     */
    void created(UUID customerId, String resellerId, String licenseType, String status, LocalDate expiryDate,
            Integer authorizedWorkspaces, Integer authorizedUsers, Instant createdAt, Instant now) {
        this.customerId = firstKnown(this.customerId, customerId);
        this.resellerId = firstKnown(this.resellerId, resellerId);
        this.licenseType = firstKnown(this.licenseType, licenseType);
        this.status = firstKnown(this.status, status);
        this.expiryDate = firstKnown(this.expiryDate, expiryDate);
        this.authorizedWorkspaces = firstKnown(this.authorizedWorkspaces, authorizedWorkspaces);
        this.authorizedUsers = firstKnown(this.authorizedUsers, authorizedUsers);
        this.createdAt = firstKnown(this.createdAt, createdAt);
        this.statusChangedAt = firstKnown(this.statusChangedAt, createdAt);
        changed(now);
    }

    /** Whether the row shows an older version of the license than {@code version} (or none yet). */
    boolean isBehind(long version) {
        return this.version == null || version > this.version;
    }

    /**
     * Whether an event without the license's version and state (published before events carried
     * them: a replay of old records) may still apply: only while no such state was applied, as every
     * event that carries one was published after all that do not.
     */
    boolean takesUnversioned() {
        return version == null;
    }

    /**
     * The license as license-service has it at {@code version}, if that is newer than what the row
     * shows; a status that changes is in force since {@code changedAt} (the event's time).
     *
     * @return whether it was newer and applied
     */
    boolean describe(LicenseEvents.LicenseState state, long version, Instant changedAt, Instant now) {
        if (!isBehind(version)) {
            return false;
        }
        customerId = state.customerId() != null ? state.customerId() : customerId;
        resellerId = state.resellerId();
        licenseType = state.licenseType() != null ? state.licenseType() : licenseType;
        if (state.status() != null) {
            changeStatus(state.status(), changedAt, now);
        }
        expiryDate = state.expiryDate();
        authorizedWorkspaces = state.authorizedWorkspaces();
        authorizedUsers = state.authorizedUsers();
        this.version = version;
        changed(now);
        return true;
    }

    /**
     * Since when the status of {@code version} is in force, as license-service knows it: taken when the
     * row shows that version, as a row built from later events only had the time of the first one it saw.
     */
    void learnStatusSince(long version, Instant since) {
        if (since != null && this.version != null && this.version == version) {
            this.statusChangedAt = since;
        }
    }

    /** The creation time, which no event changes; learnt from the creation whenever it arrives. */
    void learnCreatedAt(Instant createdAt) {
        this.createdAt = firstKnown(this.createdAt, createdAt);
        this.statusChangedAt = firstKnown(this.statusChangedAt, createdAt);
    }

    /** A new status, in force since {@code changedAt} (the event's time). */
    void changeStatus(String status, Instant changedAt, Instant now) {
        if (!status.equals(this.status)) {
            this.statusChangedAt = changedAt == null ? now : changedAt;
        }
        this.status = status;
        changed(now);
    }

    /**
     * One field change of a {@code license.updated} event, the new value as text (null: cleared).
     * Fields the alert rules do not look at are ignored.
     *
     * @return whether the field is one this model keeps
     * @throws IllegalArgumentException if the value is not of the field's type
     */
    boolean applyChange(String field, String newValue, Instant now) {
        switch (field) {
            case "expiryDate" -> expiryDate = newValue == null ? null : LocalDate.parse(newValue);
            case "authorizedWorkspaces" -> authorizedWorkspaces = newValue == null ? null : Integer.valueOf(newValue);
            case "authorizedUsers" -> authorizedUsers = newValue == null ? null : Integer.valueOf(newValue);
            case "customerId" -> customerId = newValue == null ? null : UUID.fromString(newValue);
            case "resellerId" -> resellerId = newValue;
            case "licenseType" -> licenseType = newValue;
            case "status" -> {
                if (newValue != null && !newValue.equals(status)) {
                    statusChangedAt = now;
                }
                status = newValue;
            }
            default -> {
                return false;
            }
        }
        changed(now);
        return true;
    }

    /**
     * A usage report. The latest usage is the one with the latest {@code reportedAt}: a report
     * made late about an earlier moment does not replace a newer one. The limits are not the
     * report's business: they come with the license's state ({@link #describe}); only an old event
     * without a version (while the row has none) still brings its limits, as it did.
     *
     * @return whether the report became the latest usage
     */
    boolean reportUsage(int workspaces, int users, Instant reportedAt, Integer authorizedWorkspaces,
            Integer authorizedUsers, Instant now) {
        if (authorizedWorkspaces != null) {
            this.authorizedWorkspaces = authorizedWorkspaces;
        }
        if (authorizedUsers != null) {
            this.authorizedUsers = authorizedUsers;
        }
        changed(now);
        if (usageReportedAt != null && reportedAt.isBefore(usageReportedAt)) {
            return false;
        }
        this.usageWorkspaces = workspaces;
        this.usageUsers = users;
        this.usageReportedAt = reportedAt;
        return true;
    }

    /**
     * Records that the license was evaluated and when time alone can next change its alerts (null:
     * never); until then, or until the row changes, the scan leaves it alone.
     */
    public void evaluatedUntil(Instant nextEvaluationAt) {
        this.nextEvaluationAt = nextEvaluationAt;
    }

    /** Every change makes the license due for evaluation, in case no evaluation follows it (a replay). */
    private void changed(Instant now) {
        this.updatedAt = now;
        this.nextEvaluationAt = now;
    }

    private static <T> T firstKnown(T known, T incoming) {
        return known != null ? known : incoming;
    }

    public String getLicenseId() { return licenseId; }
    public UUID getCustomerId() { return customerId; }
    public String getResellerId() { return resellerId; }
    public String getLicenseType() { return licenseType; }
    public String getStatus() { return status; }
    public LocalDate getExpiryDate() { return expiryDate; }
    public Integer getAuthorizedWorkspaces() { return authorizedWorkspaces; }
    public Integer getAuthorizedUsers() { return authorizedUsers; }
    public Integer getUsageWorkspaces() { return usageWorkspaces; }
    public Integer getUsageUsers() { return usageUsers; }
    public Instant getUsageReportedAt() { return usageReportedAt; }
    public Instant getStatusChangedAt() { return statusChangedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getVersion() { return version; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getNextEvaluationAt() { return nextEvaluationAt; }
}
