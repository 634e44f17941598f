package ai.dify.delms.deployment.deployment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ai.dify.delms.platform.problem.BadFieldException;

/** The deployment of a license by an engineer: scheduled, then started, then completed or failed (or cancelled). */
@Entity
@Table(name = "deployment")
public class Deployment {

    @Id
    private UUID id;
    private String licenseId;
    private UUID engineerId;
    @Enumerated(EnumType.STRING)
    private DeploymentStatus status;
    private LocalDate scheduledDate;
    @Enumerated(EnumType.STRING)
    private Environment environment;
    private String productVersion;
    @Column(columnDefinition = "text")
    private String notes;
    private Instant startedAt;
    private Instant completedAt;
    private Instant failedAt;
    private Instant cancelledAt;
    private String failureReason;
    private Instant createdAt;
    private Instant updatedAt;
    private String createdBy;
    private String updatedBy;
    @Version
    private Long version;

    protected Deployment() {
    }

    static Deployment schedule(String licenseId, DeploymentPlan plan, String actor, Instant now) {
        Deployment deployment = new Deployment();
        deployment.id = UUID.randomUUID();
        deployment.licenseId = licenseId;
        deployment.status = DeploymentStatus.SCHEDULED;
        deployment.apply(plan);
        deployment.createdAt = now;
        deployment.updatedAt = now;
        deployment.createdBy = actor;
        deployment.updatedBy = actor;
        return deployment;
    }

    /**
     * Replaces the plan; only while the deployment is scheduled.
     *
     * @return whether anything changed
     */
    boolean replan(DeploymentPlan plan, String actor, Instant now) {
        if (status != DeploymentStatus.SCHEDULED) {
            throw new IllegalTransitionException(id, status, "be changed (only a SCHEDULED deployment can)");
        }
        if (plan.equals(plan())) {
            return false;
        }
        apply(plan);
        updatedBy = actor;
        updatedAt = now;
        return true;
    }

    /**
     * Moves to {@code to} if the status table allows it, stamping when.
     *
     * @return the status before the move
     * @throws BadFieldException if the deployment is to fail without a reason (checked first)
     * @throws IllegalTransitionException if the status table does not allow the move
     */
    DeploymentStatus moveTo(DeploymentStatus to, String failureReason, String actor, Instant now) {
        if (to == DeploymentStatus.FAILED && failureReason == null) {
            throw new BadFieldException("reason", "is required when a deployment fails");
        }
        DeploymentStatus from = status;
        if (!from.canChangeTo(to)) {
            throw new IllegalTransitionException(id, from, "change to " + to);
        }
        switch (to) {
            case IN_PROGRESS -> startedAt = now;
            case COMPLETED -> completedAt = now;
            case FAILED -> {
                failedAt = now;
                this.failureReason = failureReason;
            }
            case CANCELLED -> cancelledAt = now;
            case SCHEDULED -> throw new IllegalStateException("nothing moves back to SCHEDULED");
        }
        status = to;
        updatedBy = actor;
        updatedAt = now;
        return from;
    }

    DeploymentPlan plan() {
        return new DeploymentPlan(engineerId, scheduledDate, environment, productVersion, notes);
    }

    private void apply(DeploymentPlan plan) {
        this.engineerId = plan.engineerId();
        this.scheduledDate = plan.scheduledDate();
        this.environment = plan.environment();
        this.productVersion = plan.productVersion();
        this.notes = plan.notes();
    }

    public UUID getId() { return id; }
    public String getLicenseId() { return licenseId; }
    public UUID getEngineerId() { return engineerId; }
    public DeploymentStatus getStatus() { return status; }
    public LocalDate getScheduledDate() { return scheduledDate; }
    public Environment getEnvironment() { return environment; }
    public String getProductVersion() { return productVersion; }
    public String getNotes() { return notes; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getCompletedAt() { return completedAt; }
    public Instant getFailedAt() { return failedAt; }
    public Instant getCancelledAt() { return cancelledAt; }
    public String getFailureReason() { return failureReason; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getCreatedBy() { return createdBy; }
    public String getUpdatedBy() { return updatedBy; }
    public long getVersion() { return version == null ? 0 : version; }
}
