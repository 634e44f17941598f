package ai.dify.delms.license.airgap.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * What an import recorded: the instance, how many new entries (sequence numbers {@code firstSeq} to
 * {@code lastSeq}), the latest usage the report told of, and the license after it.
 */
public record ImportSummary(String licenseId, UUID instanceId, String instanceName, String instanceKeyId, int entriesAccepted,
        long firstSeq, long lastSeq, Usage latestUsage, String licenseStatus, boolean overused) {

    /** The figures of the report's last new entry, at its own time. */
    record Usage(int workspaces, int users, Instant reportedAt) {
    }
}
