package ai.dify.delms.license.license;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One point of a license's timeline as the API shows it. {@code at} of a date-only fact (order date,
 * expiry date) is the start of that day in UTC.
 */
public record TimelineEntry(Instant at, TimelineKind type, String summary, String actor, JsonNode details) {
}
