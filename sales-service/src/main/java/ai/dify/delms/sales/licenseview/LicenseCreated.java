package ai.dify.delms.sales.licenseview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The part of {@code delms.license.created.v1}'s payload this service uses; other fields are
 * ignored. {@code createdAt} may be absent: the event's time is used then; {@code version} is absent
 * in events published before they carried one. License-service's {@code GET /api/v1/licenses/{id}}
 * names the same fields alike, so a license looked up there is read as this too.
 */
public record LicenseCreated(String id, String productType, String licenseType, UUID customerId, UUID salesRepId,
        String resellerId, LocalDate expiryDate, Integer authorizedWorkspaces, Integer authorizedUsers,
        Instant createdAt, Long version) {
}
