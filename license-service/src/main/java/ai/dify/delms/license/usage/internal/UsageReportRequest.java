package ai.dify.delms.license.usage.internal;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Body of {@code POST /api/v1/licenses/{id}/usage}; {@code reportedAt} defaults to now. */
public record UsageReportRequest(@NotNull @PositiveOrZero Integer workspaces, @NotNull @PositiveOrZero Integer users,
        Instant reportedAt) {
}
