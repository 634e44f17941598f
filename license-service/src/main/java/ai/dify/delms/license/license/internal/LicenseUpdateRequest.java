package ai.dify.delms.license.license.internal;

import ai.dify.delms.license.license.License;
import ai.dify.delms.license.license.LicenseEdit;
import ai.dify.delms.license.license.LicenseStatus;
import ai.dify.delms.license.license.LicenseType;
import ai.dify.delms.license.license.LicenseUpdate;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/v1/licenses/{id}} (and the result of applying a merge patch to the
 * current license): every editable field, the optional {@code version} read, and optionally the
 * read-only fields, which must then equal the license's.
 */
public record LicenseUpdateRequest(
        UUID salesRepId,
        UUID resellerId,
        @NotNull LocalDate orderDate,
        @NotNull LocalDate startDate,
        LocalDate expiryDate,
        @NotNull @Positive Integer authorizedWorkspaces,
        @NotNull @Positive Integer authorizedUsers,
        @Size(max = 10_000) String notes,
        Long version,
        String id,
        String productType,
        LicenseType licenseType,
        LicenseStatus status,
        UUID customerId) {

    /** The editable fields of {@code l}, as the starting point of a merge patch. */
    static LicenseUpdateRequest editableOf(License l) {
        return new LicenseUpdateRequest(l.getSalesRepId(), l.getResellerId(), l.getOrderDate(), l.getStartDate(),
                l.getExpiryDate(), l.getAuthorizedWorkspaces(), l.getAuthorizedUsers(), l.getNotes(), null, null, null,
                null, null, null);
    }

    LicenseUpdate toUpdate() {
        return new LicenseUpdate(new LicenseEdit(salesRepId, resellerId, orderDate, startDate, expiryDate,
                authorizedWorkspaces, authorizedUsers, notes), version, id, productType, licenseType, status,
                customerId);
    }
}
