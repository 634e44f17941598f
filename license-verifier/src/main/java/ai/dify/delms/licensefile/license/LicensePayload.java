package ai.dify.delms.licensefile.license;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import ai.dify.delms.licensefile.SignedText;
import ai.dify.delms.licensefile.json.Json;
import ai.dify.delms.licensefile.json.JsonException;
import ai.dify.delms.licensefile.json.JsonObject;

/**
 * The payload of a license file in its one canonical layout: a JSON object, one member per line in
 * {@link #FIELDS} order, two spaces before each, {@code ": "} after each name, no trailing spaces.
 */
final class LicensePayload {

    static final int FORMAT_VERSION = 1;

    static final List<String> FIELDS = List.of("formatVersion", "licenseId", "licenseVersion", "fileSerial",
            "issuedAt", "keyId", "customerId", "customerName", "productType", "licenseType", "status",
            "authorizedWorkspaces", "authorizedUsers", "startDate", "expiryDate", "gracePeriodDays");

    private LicensePayload() {
    }

    /** The payload lines, each ended by LF. */
    static String render(LicenseTerms terms, String keyId) {
        List<String> values = List.of(
                Integer.toString(FORMAT_VERSION),
                Json.quote(terms.licenseId()),
                Long.toString(terms.licenseVersion()),
                Json.quote(terms.fileSerial()),
                Json.quote(terms.issuedAt().toString()),
                Json.quote(keyId),
                Json.quote(terms.customerId().toString()),
                Json.quote(terms.customerName()),
                Json.quote(terms.productType()),
                Json.quote(terms.licenseType()),
                Json.quote(terms.status()),
                Integer.toString(terms.authorizedWorkspaces()),
                Integer.toString(terms.authorizedUsers()),
                Json.quote(terms.startDate().toString()),
                terms.expiryDate() == null ? "null" : Json.quote(terms.expiryDate().toString()),
                Integer.toString(terms.gracePeriodDays()));
        StringBuilder out = new StringBuilder("{\n");
        for (int i = 0; i < FIELDS.size(); i++) {
            out.append("  ").append(Json.quote(FIELDS.get(i))).append(": ").append(values.get(i))
                    .append(i < FIELDS.size() - 1 ? ",\n" : "\n");
        }
        return out.append("}\n").toString();
    }

    /** A payload field with a value the format does not allow; {@code field} is null for the object as a whole. */
    static final class FieldException extends RuntimeException {
        final String field;

        FieldException(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /**
     * Reads the members of a parsed payload; the caller then checks the layout by rendering them again.
     *
     * @throws FieldException for an unknown, missing or invalid field
     */
    static LicenseFile.Payload read(JsonObject payload) {
        for (String name : payload.names()) {
            if (!FIELDS.contains(name)) {
                throw new FieldException(name, "unknown field \"" + name + "\" (format " + FORMAT_VERSION
                        + " has no such field)");
            }
        }
        for (String field : FIELDS) {
            if (!payload.has(field)) {
                throw new FieldException(null, "field \"" + field + "\" is missing");
            }
        }
        int formatVersion = field("formatVersion", () -> payload.intValue("formatVersion"));
        if (formatVersion != FORMAT_VERSION) {
            throw new FieldException("formatVersion", "formatVersion " + formatVersion + " does not match the header's "
                    + FORMAT_VERSION);
        }
        String keyId = field("keyId", () -> payload.string("keyId"));
        if (!SignedText.KEY_ID.matcher(keyId).matches()) {
            throw new FieldException("keyId", "keyId must be 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        LicenseTerms.Builder terms = LicenseTerms.builder()
                .licenseId(field("licenseId", () -> payload.string("licenseId")))
                .licenseVersion(field("licenseVersion", () -> payload.longValue("licenseVersion")))
                .fileSerial(field("fileSerial", () -> payload.string("fileSerial")))
                .issuedAt(field("issuedAt", () -> instant(payload.string("issuedAt"))))
                .customerId(field("customerId", () -> uuid(payload.string("customerId"))))
                .customerName(field("customerName", () -> payload.string("customerName")))
                .productType(field("productType", () -> payload.string("productType")))
                .licenseType(field("licenseType", () -> payload.string("licenseType")))
                .status(field("status", () -> payload.string("status")))
                .authorizedWorkspaces(field("authorizedWorkspaces", () -> payload.intValue("authorizedWorkspaces")))
                .authorizedUsers(field("authorizedUsers", () -> payload.intValue("authorizedUsers")))
                .startDate(field("startDate", () -> date(payload.string("startDate"))))
                .expiryDate(field("expiryDate", () -> payload.optionalString("expiryDate").map(LicensePayload::date)
                        .orElse(null)))
                .gracePeriodDays(field("gracePeriodDays", () -> payload.intValue("gracePeriodDays")));
        try {
            return new LicenseFile.Payload(terms.build(), keyId);
        } catch (InvalidTermsException e) {
            throw new FieldException(e.field(), e.getMessage());
        }
    }

    private static <T> T field(String field, Supplier<T> read) {
        try {
            return read.get();
        } catch (JsonException e) {
            throw new FieldException(field, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new FieldException(field, field + " " + e.getMessage());
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not an instant like 2026-12-07T10:15:30Z: " + text);
        }
    }

    private static UUID uuid(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            if (uuid.toString().equals(text)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("is not a lower-case UUID: " + text);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not a date like 2026-12-31: " + text);
        }
    }
}
