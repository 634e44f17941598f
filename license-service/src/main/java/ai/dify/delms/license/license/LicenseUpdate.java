package ai.dify.delms.license.license;

import java.util.Objects;
import java.util.UUID;

/**
 * A full update of a license's editable fields, with the version the client read (optional) and the
 * read-only fields as the client sent them: those may be repeated unchanged (a client may send back
 * what it read), a different value is refused.
 */
public record LicenseUpdate(LicenseEdit edit, Long version, String id, String productType, LicenseType licenseType,
        LicenseStatus status, UUID customerId) {

    /** @throws ReadOnlyFieldException naming the first read-only field whose value differs from the license's */
    void checkReadOnlyFieldsOf(License license) {
        refuseChange("id", id, license.getId().value(), "is assigned by the server and never changes");
        refuseChange("productType", productType, license.getProductType(), "is fixed at creation");
        refuseChange("licenseType", licenseType, license.getLicenseType(), "is fixed at creation");
        refuseChange("customerId", customerId, license.getCustomerId(), "is fixed at creation");
        refuseChange("status", status, license.getStatus(),
                "changes only through POST /api/v1/licenses/{id}/transitions or automatically");
    }

    private static void refuseChange(String field, Object sent, Object current, String why) {
        if (sent != null && !Objects.equals(sent, current)) {
            throw new ReadOnlyFieldException(field, "is read-only: it " + why);
        }
    }
}
