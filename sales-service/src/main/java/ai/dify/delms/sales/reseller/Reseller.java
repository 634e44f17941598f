package ai.dify.delms.sales.reseller;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ai.dify.delms.sales.reseller.internal.ResellerDetails;
import ai.dify.delms.sales.reseller.internal.ResellerTier;

/**
 * A reseller (channel partner). Its {@code code} is the {@code reseller_id} claim of its partner
 * tokens: a lower-case slug, unique, and fixed once created.
 */
@Entity
@Table(name = "reseller")
public class Reseller {

    /** 2 to 32 characters: lower-case letters and digits, words joined by single hyphens. */
    public static final String CODE_PATTERN = "^(?=.{2,32}$)[a-z0-9]+(-[a-z0-9]+)*$";

    @Id
    private UUID id;
    private String code;
    private String name;
    private String contactEmail;
    private String region;
    @Enumerated(EnumType.STRING)
    private ResellerTier tier;
    private boolean active;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Reseller() {
    }

    Reseller(String code, ResellerDetails details, Instant now) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.createdAt = now;
        apply(details, now);
    }

    /** Replaces the editable fields; true if anything changed. */
    boolean update(ResellerDetails details, Instant now) {
        if (details.equals(ResellerDetails.of(this))) {
            return false;
        }
        apply(details, now);
        return true;
    }

    boolean deactivate(Instant now) {
        if (!active) {
            return false;
        }
        this.active = false;
        this.updatedAt = now;
        return true;
    }

    private void apply(ResellerDetails details, Instant now) {
        this.name = details.name();
        this.contactEmail = details.contactEmail();
        this.region = details.region();
        this.tier = details.tier();
        this.active = details.active();
        this.updatedAt = now;
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public UUID getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getContactEmail() { return contactEmail; }
    public String getRegion() { return region; }
    public ResellerTier getTier() { return tier; }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version == null ? 0 : version; }
}
