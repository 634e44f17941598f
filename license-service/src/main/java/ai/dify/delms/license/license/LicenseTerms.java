package ai.dify.delms.license.license;

import java.time.LocalDate;
import java.util.UUID;

import ai.dify.delms.platform.problem.InvalidFieldException;

/**
 * What a license grants, as given on creation, and the rules those values must satisfy together:
 * limits above zero, {@code orderDate <= startDate < expiryDate}, an expiry date for every type but
 * PERPETUAL and none for PERPETUAL.
 */
public record LicenseTerms(String productType, LicenseType licenseType, UUID customerId, UUID salesRepId,
        UUID resellerId, LocalDate orderDate, LocalDate startDate, LocalDate expiryDate, int authorizedWorkspaces,
        int authorizedUsers, String notes) {

    /** @throws InvalidFieldException naming the first field that breaks a rule */
    public void check() {
        if (authorizedWorkspaces <= 0) {
            throw new InvalidFieldException("authorizedWorkspaces", "must be greater than 0");
        }
        if (authorizedUsers <= 0) {
            throw new InvalidFieldException("authorizedUsers", "must be greater than 0");
        }
        if (orderDate.isAfter(startDate)) {
            throw new InvalidFieldException("startDate", "must not be before the order date");
        }
        if (licenseType.expires() && expiryDate == null) {
            throw new InvalidFieldException("expiryDate", "is required for a " + licenseType + " license");
        }
        if (!licenseType.expires() && expiryDate != null) {
            throw new InvalidFieldException("expiryDate", "must be empty for a PERPETUAL license");
        }
        if (expiryDate != null && !expiryDate.isAfter(startDate)) {
            throw new InvalidFieldException("expiryDate", "must be after the start date");
        }
    }
}
