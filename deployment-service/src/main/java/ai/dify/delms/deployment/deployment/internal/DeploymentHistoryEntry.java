package ai.dify.delms.deployment.deployment.internal;

import ai.dify.delms.platform.audit.NotAudited;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One status move of a deployment: from, to, who, when and why (scheduling has no {@code from}). */
@Entity
// itself a record of a write that is audited where it is made
@NotAudited
@Table(name = "deployment_history")
public class DeploymentHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID deploymentId;
    @Enumerated(EnumType.STRING)
    private DeploymentStatus fromStatus;
    @Enumerated(EnumType.STRING)
    private DeploymentStatus toStatus;
    private String actor;
    private Instant at;
    private String note;

    protected DeploymentHistoryEntry() {
    }

    DeploymentHistoryEntry(UUID deploymentId, DeploymentStatus fromStatus, DeploymentStatus toStatus, String actor,
            Instant at, String note) {
        this.deploymentId = deploymentId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.actor = actor;
        this.at = at;
        this.note = note;
    }

    public Long getId() { return id; }
    public UUID getDeploymentId() { return deploymentId; }
    public DeploymentStatus getFromStatus() { return fromStatus; }
    public DeploymentStatus getToStatus() { return toStatus; }
    public String getActor() { return actor; }
    public Instant getAt() { return at; }
    public String getNote() { return note; }
}
