package ai.dify.delms.deployment.deployment.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/deployments/{id}/transitions}: the target status and a note; a
 * failure needs a {@code reason} (a {@code note} is taken as the reason when no reason is given).
 */
public record TransitionRequest(@NotNull DeploymentStatus to, @Size(max = 500) String note,
        @Size(max = 500) String reason) {

    /** What is recorded with the move: the reason, else the note. */
    String remark() {
        if (reason != null && !reason.isBlank()) {
            return reason.trim();
        }
        return note == null || note.isBlank() ? null : note.trim();
    }
}
