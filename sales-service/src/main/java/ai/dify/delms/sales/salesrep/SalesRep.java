package ai.dify.delms.sales.salesrep;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A sales rep: owns customers and licenses, and is credited with their purchases. */
@Entity
@Table(name = "sales_rep")
public class SalesRep {

    @Id
    private UUID id;
    private String name;
    private String email;
    private String region;
    private boolean active;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected SalesRep() {
    }

    SalesRep(String name, String email, String region, boolean active, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name.trim();
        this.email = normalizeEmail(email);
        this.region = region.trim();
        this.active = active;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces the editable fields; true if anything changed. */
    boolean update(String name, String email, String region, boolean active, Instant now) {
        String newName = name.trim();
        String newEmail = normalizeEmail(email);
        String newRegion = region.trim();
        if (newName.equals(this.name) && newEmail.equals(this.email) && newRegion.equals(this.region)
                && active == this.active) {
            return false;
        }
        this.name = newName;
        this.email = newEmail;
        this.region = newRegion;
        this.active = active;
        this.updatedAt = now;
        return true;
    }

    /** A referenced rep is kept but no longer offered for new customers, licenses and purchases. */
    boolean deactivate(Instant now) {
        if (!active) {
            return false;
        }
        this.active = false;
        this.updatedAt = now;
        return true;
    }

    /** E-mail addresses are unique regardless of case: they are kept lower-case. */
    static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public String getRegion() { return region; }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version == null ? 0 : version; }
}
