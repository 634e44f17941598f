package ai.dify.delms.license.changelog;

import ai.dify.delms.license.license.ChangeSource;

import ai.dify.delms.platform.audit.NotAudited;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One changed field of a license: never updated, never deleted. */
@Entity
// itself a record of a write that is audited where it is made
@NotAudited
@Table(name = "license_change")
public class ChangeLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String licenseId;
    private Instant at;
    private String actor;
    private String field;
    @Column(columnDefinition = "text")
    private String oldValue;
    @Column(columnDefinition = "text")
    private String newValue;
    private String reason;
    @Enumerated(EnumType.STRING)
    private ChangeSource source;
    /** Subject and client of the person behind a change made by a consumed event (null otherwise). */
    private String actorSubject;
    private String actorClientId;
    /** What the consumed event that made the change was about, e.g. {@code purchase 6f1c... (sales-service)}. */
    private String via;

    protected ChangeLogEntry() {
    }

    public ChangeLogEntry(String licenseId, Instant at, String actor, String field, String oldValue, String newValue,
            String reason, ChangeSource source, String actorSubject, String actorClientId, String via) {
        this.licenseId = licenseId;
        this.at = at;
        this.actor = actor;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.reason = reason;
        this.source = source;
        this.actorSubject = actorSubject;
        this.actorClientId = actorClientId;
        this.via = via;
    }

    public String getLicenseId() { return licenseId; }
    public Instant getAt() { return at; }
    public String getActor() { return actor; }
    public String getField() { return field; }
    public String getOldValue() { return oldValue; }
    public String getNewValue() { return newValue; }
    public String getReason() { return reason; }
    public ChangeSource getSource() { return source; }
    public String getActorSubject() { return actorSubject; }
    public String getActorClientId() { return actorClientId; }
    public String getVia() { return via; }
}
