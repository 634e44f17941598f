package ai.dify.delms.license.license.internal;

import ai.dify.delms.license.license.TimelineEntry;
import ai.dify.delms.license.license.TimelineKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A point of a license's timeline as a partner sees it: no {@code actor} (names of vendor staff)
 * and, in {@code details}, only what describes the license itself. Left out: purchase amounts,
 * currencies and order references, the engineer of a deployment, the ids of other services'
 * records and the free-text reason of a status change.
 */
public record PartnerTimelineEntry(Instant at, TimelineKind type, String summary, JsonNode details) {

    /** Per kind, the detail fields a partner may see; any other (including ones added later) is left out. */
    private static final Map<TimelineKind, Set<String>> VISIBLE_DETAILS = Map.of(
            TimelineKind.ORDERED, Set.of("orderDate"),
            TimelineKind.PURCHASE, Set.of("type", "purchaseDate", "periodStart", "periodEnd", "workspacesAfter",
                    "usersAfter", "productTypeAfter", "applied"),
            TimelineKind.DEPLOYMENT, Set.of("environment", "productVersion"),
            TimelineKind.FIRST_USE, Set.of("workspaces", "users", "authorizedWorkspaces", "authorizedUsers"),
            TimelineKind.OVERUSE_STARTED, Set.of("workspaces", "users", "authorizedWorkspaces", "authorizedUsers"),
            TimelineKind.OVERUSE_ENDED, Set.of("workspaces", "users", "authorizedWorkspaces", "authorizedUsers"),
            TimelineKind.STATUS_CHANGED, Set.of("from", "to", "source"),
            TimelineKind.EXPIRY, Set.of("expiryDate"),
            TimelineKind.FILE_ISSUED, Set.of("fileSerial", "licenseVersion", "keyId"),
            TimelineKind.USAGE_IMPORTED, Set.of("instanceId", "instanceName", "instanceKeyId", "entries", "firstSeq",
                    "lastSeq", "workspaces", "users"));

    public static PartnerTimelineEntry of(TimelineEntry entry) {
        // the staff summary of a deployment names the engineer
        String summary = entry.type() == TimelineKind.DEPLOYMENT ? "Deployment completed" : entry.summary();
        return new PartnerTimelineEntry(entry.at(), entry.type(), summary, visibleDetails(entry));
    }

    public static List<PartnerTimelineEntry> of(List<TimelineEntry> entries) {
        return entries.stream().map(PartnerTimelineEntry::of).toList();
    }

    private static JsonNode visibleDetails(TimelineEntry entry) {
        if (!(entry.details() instanceof ObjectNode details)) {
            return null;
        }
        Set<String> visible = VISIBLE_DETAILS.getOrDefault(entry.type(), Set.of());
        ObjectNode kept = details.deepCopy();
        kept.retain(visible);
        return kept.isEmpty() ? null : kept;
    }
}
