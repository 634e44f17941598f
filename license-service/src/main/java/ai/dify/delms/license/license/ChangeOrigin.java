package ai.dify.delms.license.license;

import java.time.Instant;

/**
 * When and through which channel a change reached a license: what the change log records beside
 * each change. Carried by the license events for in-process listeners, never in their payloads.
 */
public record ChangeOrigin(Instant at, ChangeSource source) {
}
