package ai.dify.delms.alert.licenseview;

import java.time.Instant;

/** One usage report of a license: what was in use at {@code reportedAt}. */
public record UsagePoint(Instant reportedAt, int workspaces, int users) {
}
