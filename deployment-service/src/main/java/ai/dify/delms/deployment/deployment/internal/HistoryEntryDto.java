package ai.dify.delms.deployment.deployment.internal;

import java.time.Instant;

/** One status move as {@code GET /api/v1/deployments/{id}/history} shows it. */
public record HistoryEntryDto(DeploymentStatus from, DeploymentStatus to, String actor, Instant at, String note) {

    static HistoryEntryDto of(DeploymentHistoryEntry e) {
        return new HistoryEntryDto(e.getFromStatus(), e.getToStatus(), e.getActor(), e.getAt(), e.getNote());
    }
}
