package ai.dify.delms.deployment.deployment.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a deployment is, and the one table of which status may follow which:
 * {@code SCHEDULED -> IN_PROGRESS | CANCELLED}, {@code IN_PROGRESS -> COMPLETED | FAILED}; the last
 * three are final.
 */
public enum DeploymentStatus {
    SCHEDULED, IN_PROGRESS, COMPLETED, FAILED, CANCELLED;

    private static final Map<DeploymentStatus, Set<DeploymentStatus>> NEXT = new EnumMap<>(DeploymentStatus.class);

    static {
        NEXT.put(SCHEDULED, EnumSet.of(IN_PROGRESS, CANCELLED));
        NEXT.put(IN_PROGRESS, EnumSet.of(COMPLETED, FAILED));
        NEXT.put(COMPLETED, EnumSet.noneOf(DeploymentStatus.class));
        NEXT.put(FAILED, EnumSet.noneOf(DeploymentStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(DeploymentStatus.class));
    }

    public Set<DeploymentStatus> allowedNext() {
        return Collections.unmodifiableSet(NEXT.get(this));
    }

    public boolean canChangeTo(DeploymentStatus next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * Whether moving to this status needs a license that still accepts deployments: a deployment of a
     * license terminated meanwhile can still be cancelled or failed, not started or completed.
     */
    public boolean needsDeployableLicense() {
        return this == IN_PROGRESS || this == COMPLETED;
    }

    /** Active deployments block another one for the same license (enforced by the database too). */
    public boolean isActive() {
        return this == SCHEDULED || this == IN_PROGRESS;
    }
}
