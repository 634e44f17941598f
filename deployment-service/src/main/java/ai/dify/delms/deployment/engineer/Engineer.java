package ai.dify.delms.deployment.engineer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.OptimisticLock;

/** An engineer who carries out deployments. */
@Entity
@Table(name = "engineer")
public class Engineer {

    @Id
    private UUID id;
    private String name;
    private String email;
    private String region;
    // Always shown with the engineer; batch-loaded for a page of engineers. Excluded from the
    // optimistic lock because Hibernate would otherwise bump the version once more when it first
    // inserts the rows; a change of skills also changes updatedAt, which bumps the version anyway.
    @OptimisticLock(excluded = true)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "engineer_skill", joinColumns = @JoinColumn(name = "engineer_id"))
    @OrderColumn(name = "skill_order")
    @Column(name = "skill")
    @BatchSize(size = 50)
    private List<String> skills = new ArrayList<>();
    private boolean active;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Engineer() {
    }

    Engineer(String name, String email, String region, List<String> skills, boolean active, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name.trim();
        this.email = normalizeEmail(email);
        this.region = region.trim();
        this.skills = normalizeSkills(skills);
        this.active = active;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** E-mail addresses are unique regardless of case: they are kept lower-case. */
    static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Skills are trimmed and listed once each, in the order first given. */
    static List<String> normalizeSkills(List<String> skills) {
        if (skills == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(new LinkedHashSet<>(skills.stream().map(String::trim).toList()));
    }

    /**
     * Replaces the editable fields.
     *
     * @return whether anything changed (nothing is written otherwise)
     */
    boolean update(String name, String email, String region, List<String> skills, boolean active, Instant now) {
        String newName = name.trim();
        String newEmail = normalizeEmail(email);
        String newRegion = region.trim();
        List<String> newSkills = normalizeSkills(skills);
        boolean changed = !newName.equals(this.name) || !newEmail.equals(this.email) || !newRegion.equals(this.region)
                || !newSkills.equals(this.skills) || active != this.active;
        if (changed) {
            this.name = newName;
            this.email = newEmail;
            this.region = newRegion;
            this.skills = newSkills;
            this.active = active;
            this.updatedAt = now;
        }
        return changed;
    }

    /** An engineer with deployments is kept for their history, only no longer assignable. */
    boolean deactivate(Instant now) {
        if (!active) {
            return false;
        }
        this.active = false;
        this.updatedAt = now;
        return true;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public String getRegion() { return region; }
    public List<String> getSkills() { return List.copyOf(skills); }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version == null ? 0 : version; }
}
