package ai.dify.delms.sales.licenseview;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The part of {@code delms.license.updated.v1}'s payload this service uses: the changed fields, the
 * license's version after the change and the license as it is then ({@code license}). Events
 * published before they carried version and state have only the changes.
 */
public record LicenseUpdated(String licenseId, List<Change> changes, Long version, State license) {

    /** One changed field, values as strings (null for empty). */
    public record Change(String field, String oldValue, String newValue) {
    }

    /** The terms of the license after the change. */
    public record State(String productType, String licenseType, UUID salesRepId, String resellerId,
            LocalDate expiryDate, Integer authorizedWorkspaces, Integer authorizedUsers) {
    }
}
