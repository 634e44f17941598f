package ai.dify.delms.license.license;

import java.time.Instant;

/**
 * A completed deployment reached a license (in-process only: a status change it causes goes out
 * as {@code delms.license.status-changed.v1}).
 *
 * @param at when it was completed (when the event was recorded, if it does not say)
 */
public record DeploymentApplied(String licenseId, DeploymentFacts deployment, Instant at, String actor) {
}
