package ai.dify.delms.license.license;

import java.time.LocalDate;
import java.util.UUID;

/** The fields of a license a user may change after creation (all of them, as in a PUT). */
public record LicenseEdit(UUID salesRepId, UUID resellerId, LocalDate orderDate, LocalDate startDate,
        LocalDate expiryDate, int authorizedWorkspaces, int authorizedUsers, String notes) {
}
