package ai.dify.delms.license.timeline.internal;

import ai.dify.delms.license.license.TimelineKind;
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

/** A stored point of a license's timeline (a consumed purchase or deployment, a usage milestone). */
@Entity
// itself a record of a write that is audited where it is made
@NotAudited
@Table(name = "license_timeline")
public class TimelineFact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String licenseId;
    private Instant at;
    @Enumerated(EnumType.STRING)
    private TimelineKind kind;
    private String summary;
    @Column(columnDefinition = "text")
    private String details;
    private String reference;
    private String actor;

    protected TimelineFact() {
    }

    TimelineFact(String licenseId, Instant at, TimelineKind kind, String summary, String details, String reference,
            String actor) {
        this.licenseId = licenseId;
        this.at = at;
        this.kind = kind;
        this.summary = summary;
        this.details = details;
        this.reference = reference;
        this.actor = actor;
    }

    Long getId() { return id; }
    Instant getAt() { return at; }
    TimelineKind getKind() { return kind; }
    String getSummary() { return summary; }
    String getDetails() { return details; }
    String getReference() { return reference; }
    String getActor() { return actor; }
}
