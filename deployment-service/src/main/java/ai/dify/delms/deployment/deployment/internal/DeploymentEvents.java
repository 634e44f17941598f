package ai.dify.delms.deployment.deployment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.events.DomainEvent;

/**
 * What the deployment feature publishes on {@value #TOPIC}, keyed by license id so that a license's
 * deployments go to its partition (docs/asyncapi.yaml).
 */
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

    private DeploymentEvents() {
    }

    /**
     * A deployment event: subject is the deployment's id, key its license's; the record knows its
     * type, and the payload is {@link #deployment()} written as the event's own fields.
     */
    public sealed interface DeploymentEvent extends DomainEvent permits DeploymentScheduled, DeploymentUpdated,
            DeploymentStarted, DeploymentCompleted, DeploymentFailed, DeploymentCancelled, DeploymentDeleted {

        DeploymentState deployment();

        @Override
        default String topic() {
            return TOPIC;
        }

        @Override
        default String subject() {
            return deployment().deploymentId().toString();
        }

        @Override
        default String key() {
            return deployment().licenseId();
        }

        @Override
        default long version() {
            return deployment().version();
        }
    }

    /**
     * The event announcing the move {@code state} shows done: started, completed, failed or cancelled
     * by the status the deployment is in now.
     */
    static DeploymentEvent moved(DeploymentState state) {
        return switch (state.status()) {
            case IN_PROGRESS -> new DeploymentStarted(state);
            case COMPLETED -> new DeploymentCompleted(state);
            case FAILED -> new DeploymentFailed(state);
            case CANCELLED -> new DeploymentCancelled(state);
            case SCHEDULED -> throw new IllegalArgumentException("a deployment is scheduled, never moved to SCHEDULED");
        };
    }

    /**
     * The payload of every deployment event: the deployment with its engineer's name, who caused the
     * event and, for a move, the note or failure reason given.
     */
    public record DeploymentState(UUID deploymentId, String licenseId, UUID engineerId, String engineerName,
            DeploymentStatus status, LocalDate scheduledDate, Instant startedAt, Instant completedAt, Instant failedAt,
            Instant cancelledAt, Environment environment, String productVersion, String failureReason, String note,
            String actor, long version) {

        static DeploymentState of(Deployment d, String engineerName, String note, String actor) {
            return new DeploymentState(d.getId(), d.getLicenseId(), d.getEngineerId(), engineerName, d.getStatus(),
                    d.getScheduledDate(), d.getStartedAt(), d.getCompletedAt(), d.getFailedAt(), d.getCancelledAt(),
                    d.getEnvironment(), d.getProductVersion(), d.getFailureReason(), note, actor, d.getVersion());
        }
    }

    /** {@value #SCHEDULED}. */
    public record DeploymentScheduled(@JsonUnwrapped DeploymentState deployment) implements DeploymentEvent {

        @Override
        public String type() {
            return SCHEDULED;
        }
    }

    /** {@value #UPDATED}. */
    public record DeploymentUpdated(@JsonUnwrapped DeploymentState deployment) implements DeploymentEvent {

        @Override
        public String type() {
            return UPDATED;
        }
    }

    /** {@value #STARTED}. */
    public record DeploymentStarted(@JsonUnwrapped DeploymentState deployment) implements DeploymentEvent {

        @Override
        public String type() {
            return STARTED;
        }
    }

    /** {@value #COMPLETED}. */
    public record DeploymentCompleted(@JsonUnwrapped DeploymentState deployment) implements DeploymentEvent {

        @Override
        public String type() {
            return COMPLETED;
        }
    }

    /** {@value #FAILED}; {@code failureReason} says why. */
    public record DeploymentFailed(@JsonUnwrapped DeploymentState deployment) implements DeploymentEvent {

        @Override
        public String type() {
            return FAILED;
        }
    }

    /** {@value #CANCELLED}. */
    public record DeploymentCancelled(@JsonUnwrapped DeploymentState deployment) implements DeploymentEvent {

        @Override
        public String type() {
            return CANCELLED;
        }
    }

    /** {@value #DELETED}: the deployment as it was when an admin removed it. */
    public record DeploymentDeleted(@JsonUnwrapped DeploymentState deployment) implements DeploymentEvent {

        @Override
        public String type() {
            return DELETED;
        }
    }
}
