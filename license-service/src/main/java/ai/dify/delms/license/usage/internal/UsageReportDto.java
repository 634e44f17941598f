package ai.dify.delms.license.usage.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A usage report as the API shows it. In the answer to a new report, {@code latest} says whether it
 * is now the license's latest usage and {@code overused} the license's state after it; in the history
 * both are null. {@code source}: API, or OFFLINE_IMPORT for an entry of an imported usage report
 * ({@code instanceId} and {@code chainSeq} then say which instance recorded it, and where in its chain).
 */
public record UsageReportDto(long id, int workspaces, int users, Instant reportedAt, Instant recordedAt, String reportedBy,
        Boolean latest, Boolean overused, String licenseStatus, UsageSource source, UUID instanceId, Long chainSeq) {

    static UsageReportDto of(UsageReport r) {
        return new UsageReportDto(r.getId(), r.getWorkspaces(), r.getUsers(), r.getReportedAt(), r.getRecordedAt(),
                r.getReportedBy(), null, null, null, r.getSource(), r.getInstanceId(), r.getChainSeq());
    }
}
