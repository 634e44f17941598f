package ai.dify.delms.licensefile.license;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import ai.dify.delms.licensefile.LicenseIds;

/**
 * What a license file grants and identifies, every field of its payload but the format version and
 * the key id (docs/license-files.md). The constructor refuses values the format cannot carry, so a
 * writer cannot produce a file that the parser would call malformed.
 *
 * @param licenseId            the License ID, {@code XXX-YYYYMM-NNNNNN}
 * @param licenseVersion       the version of the license record the file was cut from
 * @param fileSerial           unique per issued file, {@code [A-Za-z0-9._-]{1,64}}
 * @param issuedAt             when the file was issued
 * @param customerId           the customer's id
 * @param customerName         the customer's name, shown to people
 * @param productType          e.g. {@code ENT}
 * @param licenseType          e.g. {@code SUBSCRIPTION}, {@code TRIAL}; not interpreted by the verifier
 * @param status               the license's status when the file was issued; not interpreted by the verifier
 * @param authorizedWorkspaces at least 1
 * @param authorizedUsers      at least 1
 * @param startDate            the first day the file is valid (UTC)
 * @param expiryDate           the last day the file is valid (UTC), {@code null} for a license that never expires
 * @param gracePeriodDays      days after the expiry date during which the file is IN_GRACE, 0 to 3650
 */
public record LicenseTerms(String licenseId, long licenseVersion, String fileSerial, Instant issuedAt,
        UUID customerId, String customerName, String productType, String licenseType, String status,
        int authorizedWorkspaces, int authorizedUsers, LocalDate startDate, LocalDate expiryDate,
        int gracePeriodDays) {

    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    public static final int MAX_GRACE_PERIOD_DAYS = 3650;
    public static final int MAX_CUSTOMER_NAME_LENGTH = 500;

    /** @throws InvalidTermsException naming the first field the format cannot carry */
    public LicenseTerms {
        require(LicenseIds.isValid(licenseId), "licenseId",
                "must be a License ID like ENT-202503-123456");
        require(licenseVersion >= 0, "licenseVersion", "must not be negative");
        require(fileSerial != null && SERIAL.matcher(fileSerial).matches(), "fileSerial",
                "must be 1 to 64 of A-Z a-z 0-9 . _ -");
        require(issuedAt != null, "issuedAt", "is required");
        require(customerId != null, "customerId", "is required");
        require(customerName != null && !customerName.isBlank(), "customerName", "must not be blank");
        require(customerName.length() <= MAX_CUSTOMER_NAME_LENGTH, "customerName",
                "must be at most " + MAX_CUSTOMER_NAME_LENGTH + " characters");
        require(customerName.chars().noneMatch(c -> c < 0x20 || c == 0x7f), "customerName",
                "must not contain control characters");
        require(wellFormedUtf16(customerName), "customerName", "must not contain a lone surrogate");
        requireCode(productType, "productType");
        requireCode(licenseType, "licenseType");
        requireCode(status, "status");
        require(authorizedWorkspaces >= 1, "authorizedWorkspaces", "must be at least 1");
        require(authorizedUsers >= 1, "authorizedUsers", "must be at least 1");
        require(startDate != null, "startDate", "is required");
        require(expiryDate == null || !expiryDate.isBefore(startDate), "expiryDate", "must not be before the start date");
        require(gracePeriodDays >= 0 && gracePeriodDays <= MAX_GRACE_PERIOD_DAYS, "gracePeriodDays",
                "must be 0 to " + MAX_GRACE_PERIOD_DAYS);
    }

    public Optional<LocalDate> expiry() {
        return Optional.ofNullable(expiryDate);
    }

    /** The last day of the grace period, empty when the license never expires. */
    public Optional<LocalDate> graceEnd() {
        return expiry().map(expiry -> expiry.plusDays(gracePeriodDays));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with the current values, to change a few. */
    public Builder toBuilder() {
        return new Builder().licenseId(licenseId).licenseVersion(licenseVersion).fileSerial(fileSerial)
                .issuedAt(issuedAt).customerId(customerId).customerName(customerName).productType(productType)
                .licenseType(licenseType).status(status).authorizedWorkspaces(authorizedWorkspaces)
                .authorizedUsers(authorizedUsers).startDate(startDate).expiryDate(expiryDate)
                .gracePeriodDays(gracePeriodDays);
    }

    private static void require(boolean condition, String field, String rule) {
        if (!condition) {
            throw new InvalidTermsException(field, rule);
        }
    }

    private static void requireCode(String value, String field) {
        require(value != null && CODE.matcher(value).matches(), field,
                "must be 1 to 32 of A-Z 0-9 _, starting with a letter");
    }

    private static boolean wellFormedUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Builds terms by name, so that two integers or two dates cannot change places unnoticed. */
    public static final class Builder {
        private String licenseId;
        private long licenseVersion;
        private String fileSerial;
        private Instant issuedAt;
        private UUID customerId;
        private String customerName;
        private String productType;
        private String licenseType;
        private String status;
        private int authorizedWorkspaces;
        private int authorizedUsers;
        private LocalDate startDate;
        private LocalDate expiryDate;
        private int gracePeriodDays;

        private Builder() {
        }

        public Builder licenseId(String value) { licenseId = value; return this; }
        public Builder licenseVersion(long value) { licenseVersion = value; return this; }
        public Builder fileSerial(String value) { fileSerial = value; return this; }
        public Builder issuedAt(Instant value) { issuedAt = value; return this; }
        public Builder customerId(UUID value) { customerId = value; return this; }
        public Builder customerName(String value) { customerName = value; return this; }
        public Builder productType(String value) { productType = value; return this; }
        public Builder licenseType(String value) { licenseType = value; return this; }
        public Builder status(String value) { status = value; return this; }
        public Builder authorizedWorkspaces(int value) { authorizedWorkspaces = value; return this; }
        public Builder authorizedUsers(int value) { authorizedUsers = value; return this; }
        public Builder startDate(LocalDate value) { startDate = value; return this; }
        /** {@code null} for a license that never expires. */
        public Builder expiryDate(LocalDate value) { expiryDate = value; return this; }
        public Builder gracePeriodDays(int value) { gracePeriodDays = value; return this; }

        /** @throws InvalidTermsException naming the first field the format cannot carry */
        public LicenseTerms build() {
            return new LicenseTerms(licenseId, licenseVersion, fileSerial, issuedAt, customerId, customerName,
                    productType, licenseType, status, authorizedWorkspaces, authorizedUsers, startDate, expiryDate,
                    gracePeriodDays);
        }
    }
}
