package ai.dify.delms.license.airgap;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed usage report of an air-gapped instance was accepted (in-process only: each entry it
 * applied goes out as {@code delms.license.usage-reported.v1}).
 *
 * @param entries   how many new entries it brought
 * @param firstSeq  the first new entry's sequence number
 * @param lastSeq   the last entry's sequence number
 * @param workspaces the last entry's workspaces
 * @param users     the last entry's users
 */
public record UsageReportImported(String licenseId, UUID instanceId, String instanceName, String instanceKeyId,
        int entries, long firstSeq, long lastSeq, int workspaces, int users, Instant importedAt, String importedBy) {
}
