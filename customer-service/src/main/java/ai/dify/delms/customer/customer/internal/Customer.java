package ai.dify.delms.customer.customer.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import ai.dify.delms.platform.problem.ConflictException;

/** A customer of Dify Enterprise: who buys licenses, whom to contact, who owns the account. */
@Entity
public class Customer {

    @Id
    private UUID id;
    private String name;
    /** The name as uniqueness sees it (see {@link #nameKey(String)}); unique in the database. */
    private String nameKey;
    private String industry;
    private String region;
    private String country;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private UUID salesRepId;
    private UUID resellerId;
    @Column(columnDefinition = "text")
    private String notes;
    private Instant createdAt;
    private Instant updatedAt;
    private String createdBy;
    private String updatedBy;
    @Version
    private long version;

    protected Customer() {
    }

    Customer(CustomerDetails details, String actor, Instant now) {
        this.id = UUID.randomUUID();
        this.createdAt = now;
        this.createdBy = actor;
        apply(details, actor, now);
    }

    /** Replaces the editable fields; false (and nothing touched) when they are all unchanged. */
    boolean update(CustomerDetails details, String actor, Instant now) {
        if (normalized(details).equals(normalized(CustomerDetails.of(this)))) {
            return false;
        }
        apply(details, actor, now);
        return true;
    }

    /**
     * A customer who still has licenses stays: they would point at nobody.
     *
     * @throws ConflictException if {@code licenseCount} is not zero
     */
    void checkDeletable(long licenseCount) {
        if (licenseCount > 0) {
            throw new ConflictException("Customer " + id + " has " + licenseCount
                    + (licenseCount == 1 ? " license" : " licenses") + " and cannot be deleted.");
        }
    }

    /** Trimmed, blanks collapsed, lower-case: two names with the same key are the same customer. */
    static String nameKey(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static CustomerDetails normalized(CustomerDetails d) {
        return new CustomerDetails(d.name().strip(), d.industry(), d.region(), d.country(), d.contactName(),
                d.contactEmail(), d.contactPhone(), d.salesRepId(), d.resellerId(), d.notes());
    }

    private void apply(CustomerDetails details, String actor, Instant now) {
        this.name = details.name().strip();
        this.nameKey = nameKey(details.name());
        this.industry = details.industry();
        this.region = details.region();
        this.country = details.country();
        this.contactName = details.contactName();
        this.contactEmail = details.contactEmail();
        this.contactPhone = details.contactPhone();
        this.salesRepId = details.salesRepId();
        this.resellerId = details.resellerId();
        this.notes = details.notes();
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public String getIndustry() { return industry; }
    public String getRegion() { return region; }
    public String getCountry() { return country; }
    public String getContactName() { return contactName; }
    public String getContactEmail() { return contactEmail; }
    public String getContactPhone() { return contactPhone; }
    public UUID getSalesRepId() { return salesRepId; }
    public UUID getResellerId() { return resellerId; }
    public String getNotes() { return notes; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getCreatedBy() { return createdBy; }
    public String getUpdatedBy() { return updatedBy; }
    public long getVersion() { return version; }
}
