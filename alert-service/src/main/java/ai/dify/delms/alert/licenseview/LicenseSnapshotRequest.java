package ai.dify.delms.alert.licenseview;

import java.util.Optional;
import java.util.UUID;

/**
 * Asks license-service to re-publish every license as it is now ({@code delms.license.snapshot.v1},
 * docs/decisions.md, 18), so that a rebuild is complete even when {@code delms.licenses} no longer
 * holds older records.
 */
public interface LicenseSnapshotRequest {

    /**
     * Asks on behalf of the person whose access token is given (an admin: license-service checks it).
     *
     * @return the run license-service started; empty when it is publishing one already (whose events
     *         reach the topic all the same, but without a run to wait for)
     * @throws RuntimeException when license-service could not be asked or refused
     */
    Optional<Snapshot> request(String accessToken);

    /**
     * A run of license-service's snapshot.
     *
     * @param id           the {@code snapshotId} its events carry
     * @param licenseCount how many licenses it publishes at least
     */
    record Snapshot(UUID id, long licenseCount) {
    }
}
