package ai.dify.delms.deployment.deployment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import ai.dify.delms.platform.events.DelmsTopics;

/** What the deployment feature publishes on {@value #TOPIC}, keyed by license id (EVENTS.md). */
public final class DeploymentEvents {

    public static final String TOPIC = DelmsTopics.DEPLOYMENTS;
    public static final String SCHEDULED = "delms.deployment.scheduled.v1";
    public static final String STARTED = "delms.deployment.started.v1";
    public static final String COMPLETED = "delms.deployment.completed.v1";
    public static final String FAILED = "delms.deployment.failed.v1";
    public static final String CANCELLED = "delms.deployment.cancelled.v1";
    /** The plan of a scheduled deployment changed (engineer, date, environment, version, notes). */
    public static final String UPDATED = "delms.deployment.updated.v1";
    /** An admin removed the deployment record. */
    public static final String DELETED = "delms.deployment.deleted.v1";

    private static final Map<DeploymentStatus, String> ON_MOVE_TO = Map.of(
            DeploymentStatus.IN_PROGRESS, STARTED,
            DeploymentStatus.COMPLETED, COMPLETED,
            DeploymentStatus.FAILED, FAILED,
            DeploymentStatus.CANCELLED, CANCELLED);

    private DeploymentEvents() {
    }

    /** The event type announcing a move to {@code status}. */
    static String movedTo(DeploymentStatus status) {
        return ON_MOVE_TO.get(status);
    }

    /**
     * The payload of every deployment event: the deployment with its engineer's name, who caused the
     * event and, for a move, the note or failure reason given.
     */
    public record DeploymentData(UUID deploymentId, String licenseId, UUID engineerId, String engineerName,
            DeploymentStatus status, LocalDate scheduledDate, Instant startedAt, Instant completedAt, Instant failedAt,
            Instant cancelledAt, Environment environment, String productVersion, String failureReason, String note,
            String actor, long version) {

        static DeploymentData of(Deployment d, String engineerName, String note, String actor) {
            return new DeploymentData(d.getId(), d.getLicenseId(), d.getEngineerId(), engineerName, d.getStatus(),
                    d.getScheduledDate(), d.getStartedAt(), d.getCompletedAt(), d.getFailedAt(), d.getCancelledAt(),
                    d.getEnvironment(), d.getProductVersion(), d.getFailureReason(), note, actor, d.getVersion());
        }
    }
}
