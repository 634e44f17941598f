package ai.dify.delms.systemtests.fuzz;

import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Valid values for a schema, as JSON text: the starting point every mutation changes one thing
 * of. Identifiers are new random ones (nothing has them), so a request that gets past validation
 * names records that do not exist and is refused with 404 or 422 rather than changing data.
 */
final class SchemaValues {

    /** A license id in the documented form that no license has (year 2099). */
    static String unknownLicenseId(Random random) {
        return String.format(Locale.ROOT, "ENT-209901-%06d", random.nextInt(1_000_000));
    }

    static String uuid(Random random) {
        // a version 4 UUID from the seeded generator (UUID.randomUUID would not repeat with the seed)
        long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        return schema.getProperties() != null ? "object" : "string";
    }

    /** A valid value of the field, as JSON text. */
    static String json(String field, Schema<?> schema, Random random) {
        return json(field, schema, random, Map.of());
    }

    /** A valid value of the field, as JSON text; a field named in {@code references} gets that existing record's id. */
    static String json(String field, Schema<?> schema, Random random, Map<String, String> references) {
        if (references.containsKey(field) && "string".equals(type(schema))) {
            return quote(references.get(field));
        }
        String type = type(schema);
        switch (type) {
            case "object":
                return object(schema, random, references);
            case "array":
                return "[" + json(field, schema.getItems(), random, references) + "]";
            case "integer": {
                long min = schema.getMinimum() == null ? 1 : schema.getMinimum().longValue();
                long max = schema.getMaximum() == null ? min + 9 : schema.getMaximum().longValue();
                return Long.toString(min + random.nextInt((int) Math.max(1, Math.min(10, max - min + 1))));
            }
            case "number":
                return (schema.getMinimum() == null ? BigDecimal.ONE : schema.getMinimum()).add(new BigDecimal("100.50")).toPlainString();
            case "boolean":
                return "true";
            default:
                return quote(string(field, schema, random));
        }
    }

    /** A valid object: its required properties and the others but optional references and read-only ones (a version, an id, a status). */
    static String object(Schema<?> schema, Random random, Map<String, String> references) {
        return fields(schema, random, references).entrySet().stream()
                .map(field -> quote(field.getKey()) + ":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    static Map<String, String> fields(Schema<?> schema, Random random, Map<String, String> references) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        if (schema.getProperties() == null) {
            return fields;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            boolean optionalReference = "uuid".equals(property.getFormat()) || name.equals("licenseId");
            boolean readOnly = name.equals("version") || name.equals("id") || name.equals("status");
            // a purchase's state after it (workspacesAfter, productTypeAfter) belongs to some purchase types only
            boolean dependsOnType = name.endsWith("After");
            if (required.contains(name) || (!optionalReference && !readOnly && !dependsOnType)) {
                fields.put(name, json(name, property, random, references));
            }
        });
        return fields;
    }

    private static String string(String field, Schema<?> schema, Random random) {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            // the first constant: usually the plain case (a SUBSCRIPTION license, a NEW purchase)
            return String.valueOf(schema.getEnum().get(0));
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        String lower = field.toLowerCase(Locale.ROOT);
        switch (format) {
            case "uuid":
                return uuid(random);
            case "date":
                return lower.contains("expiry") || lower.endsWith("end") || lower.equals("to") ? "2027-02-28" : "2026-03-01";
            case "date-time":
                return "2026-03-01T10:00:00Z";
            case "email":
                return "fuzz." + Integer.toString(random.nextInt(1 << 30), 36) + "@example.com";
            default:
                break;
        }
        if (lower.equals("licenseid") || lower.equals("id")) {
            return unknownLicenseId(random);
        }
        for (String candidate : List.of("fuzz-" + Integer.toString(random.nextInt(1 << 30), 36), "ENT", "USD", "fuzz value")) {
            if (fits(candidate, schema)) {
                return candidate;
            }
        }
        return "fuzz";
    }

    static boolean fits(String value, Schema<?> schema) {
        if (schema.getMinLength() != null && value.length() < schema.getMinLength()) {
            return false;
        }
        if (schema.getMaxLength() != null && value.length() > schema.getMaxLength()) {
            return false;
        }
        return schema.getPattern() == null || Pattern.compile(schema.getPattern()).matcher(value).find();
    }

    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
