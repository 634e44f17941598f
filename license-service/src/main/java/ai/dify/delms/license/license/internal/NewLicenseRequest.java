package ai.dify.delms.license.license.internal;

import ai.dify.delms.license.license.LicenseTerms;
import ai.dify.delms.license.license.LicenseType;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/licenses}: no id or status, the server assigns them. */
public record NewLicenseRequest(
        @NotBlank @Size(min = 3, max = 3) String productType,
        @NotNull LicenseType licenseType,
        @NotNull UUID customerId,
        UUID salesRepId,
        UUID resellerId,
        @NotNull LocalDate orderDate,
        @NotNull LocalDate startDate,
        LocalDate expiryDate,
        @NotNull @Positive Integer authorizedWorkspaces,
        @NotNull @Positive Integer authorizedUsers,
        @Size(max = 10_000) String notes) {

    LicenseTerms toTerms() {
        return new LicenseTerms(productType, licenseType, customerId, salesRepId, resellerId, orderDate, startDate,
                expiryDate, authorizedWorkspaces, authorizedUsers, notes);
    }
}
