package ai.dify.delms.sales.licenseview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The part of {@code delms.license.snapshot.v1}'s payload this service uses: the license as it is now,
 * re-published (not changed) for read models being rebuilt, with its version.
 */
public record LicenseSnapshot(String licenseId, Long version, State license, Instant createdAt) {

    /** The license as it is now. */
    public record State(String productType, String licenseType, UUID customerId, UUID salesRepId,
            String resellerId, LocalDate expiryDate, Integer authorizedWorkspaces, Integer authorizedUsers) {

        LicenseUpdated.State terms() {
            return new LicenseUpdated.State(productType, licenseType, salesRepId, resellerId, expiryDate,
                    authorizedWorkspaces, authorizedUsers);
        }
    }
}
