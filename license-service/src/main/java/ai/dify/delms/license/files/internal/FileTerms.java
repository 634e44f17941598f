package ai.dify.delms.license.files.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

import ai.dify.delms.license.license.License;
import ai.dify.delms.licensefile.license.LicenseTerms;

/**
 * What a license file states about a license, before a serial, an issue time and a key are given:
 * two downloads with equal terms (and the same key) get the same file.
 */
public record FileTerms(String licenseId, long licenseVersion, UUID customerId, String customerName, String productType,
        String licenseType, String status, int authorizedWorkspaces, int authorizedUsers, LocalDate startDate,
        LocalDate expiryDate, int gracePeriodDays) {

    static FileTerms of(License license, String customerName, int gracePeriodDays) {
        return new FileTerms(license.getId().value(), license.getVersion(), license.getCustomerId(), customerName,
                license.getProductType(), license.getLicenseType().name(), license.getStatus().name(),
                license.getAuthorizedWorkspaces(), license.getAuthorizedUsers(), license.getStartDate(),
                license.getExpiryDate(), gracePeriodDays);
    }

    /**
     * The terms of the file with this serial and issue time.
     *
     * @throws ai.dify.delms.licensefile.license.InvalidTermsException naming a field the format cannot carry
     */
    LicenseTerms toFile(String fileSerial, Instant issuedAt) {
        return LicenseTerms.builder().licenseId(licenseId).licenseVersion(licenseVersion).fileSerial(fileSerial)
                .issuedAt(issuedAt).customerId(customerId).customerName(customerName).productType(productType)
                .licenseType(licenseType).status(status).authorizedWorkspaces(authorizedWorkspaces)
                .authorizedUsers(authorizedUsers).startDate(startDate).expiryDate(expiryDate)
                .gracePeriodDays(gracePeriodDays).build();
    }

    /** SHA-256 (hex) of every term, one per line in a fixed order. */
    String digest() {
        String text = String.join("\n", licenseId, Long.toString(licenseVersion), customerId.toString(), customerName,
                productType, licenseType, status, Integer.toString(authorizedWorkspaces),
                Integer.toString(authorizedUsers), String.valueOf(startDate), String.valueOf(expiryDate),
                Integer.toString(gracePeriodDays));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
