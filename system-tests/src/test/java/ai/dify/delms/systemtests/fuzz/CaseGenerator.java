package ai.dify.delms.systemtests.fuzz;

import io.swagger.v3.oas.models.media.Schema;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates the requests for one operation from its document: each one is a valid request (see
 * {@link SchemaValues}) with one thing broken: a path or query parameter, a header, one body field
 * or the body as a whole. A case says whether the request must be refused (it breaks the
 * document, or a rule every endpoint keeps) and which refusals are plausible.
 * <p>
 * Deterministic: the same seed and the same documents give the same requests, in the same order.
 */
final class CaseGenerator {

    private static final Set<Integer> BAD_REQUEST = Set.of(400);
    private static final Set<Integer> TOO_LARGE = Set.of(413);
    private static final Set<Integer> UNSUPPORTED_TYPE = Set.of(400, 415);
    private static final Set<Integer> HEAD_TOO_LARGE = Set.of(400, 431);
    private static final Set<Integer> URI_TOO_LONG = Set.of(400, 414);
    private static final Set<Integer> NOT_ACCEPTABLE = Set.of(406);
    private static final String ACCEPT = "application/json, application/problem+json";
    /** Over the 1 MB every part of the system accepts (docs/security.md). */
    private static final int OVER_ONE_MB = 1_100_000;
    private static final byte[] RAW_MARK = "\u0001RAW\u0001".getBytes(StandardCharsets.UTF_8);

    private static final java.util.regex.Pattern GENERATED_NAME = java.util.regex.Pattern.compile("fuzz([-.])[0-9a-z]+");

    private final List<ApiOperation> operations;
    private final String runMarker;
    private final Map<String, String> references;

    /**
     * @param runMarker written into every generated name, so that names stay unique across runs
     *                  with the same seed (a name taken by an earlier run would be a 409 that hides
     *                  what the case is about)
     * @param references ids of existing records by body field name (see {@link Fixtures})
     */
    CaseGenerator(List<ApiOperation> operations, String runMarker, Map<String, String> references) {
        this.operations = operations;
        this.runMarker = runMarker;
        this.references = references;
    }

    /** At most {@code budget} cases, spread over as many kinds of mutation as the operation has. */
    List<FuzzCase> casesFor(ApiOperation operation, long seed, int budget) {
        Random random = new Random(seed ^ operation.toString().hashCode());
        Map<String, String> pathValues = new LinkedHashMap<>();
        operation.parameters("path").forEach(p -> pathValues.put(p.name(), validPathValue(p, random)));
        RequestDraft base = base(operation, pathValues, random, references);

        Cases cases = new Cases(operation, runMarker);
        if (operation.startsWork()) {
            // a valid request would start the work: only what must be refused before it starts
            transportCases(base, cases);
            accepts(base, cases, true);
        } else {
            cases.lenient("valid request", "", base, FuzzCase.ANY_REFUSAL);
            pathCases(operation, pathValues, base, cases, random);
            queryCases(operation, base, cases, random);
            bodyCases(operation, base, cases, random);
            headerCases(operation, base, cases);
            transportCases(base, cases);
            accepts(base, cases, false);
        }
        return pick(cases.all, budget, random);
    }

    private static RequestDraft base(ApiOperation operation, Map<String, String> pathValues, Random random, Map<String, String> references) {
        RequestDraft draft = new RequestDraft(operation.method(), path(operation, pathValues));
        draft.setHeader("Accept", ACCEPT);
        for (ApiOperation.Parameter query : operation.parameters("query")) {
            if (query.required()) {
                draft.setQuery(query.name(), unquoted(SchemaValues.json(query.name(), query.schema(), random)));
            }
        }
        if (operation.bodySchema() != null) {
            draft.fields = new LinkedHashMap<>(SchemaValues.fields(operation.bodySchema(), random, references));
            draft.contentType = operation.bodyMediaType();
        }
        return draft;
    }

    private static String validPathValue(ApiOperation.Parameter parameter, Random random) {
        return "uuid".equals(parameter.schema().getFormat()) ? SchemaValues.uuid(random) : SchemaValues.unknownLicenseId(random);
    }

    private static String path(ApiOperation operation, Map<String, String> values) {
        String path = operation.path();
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    // ---- path parameters

    private static void pathCases(ApiOperation operation, Map<String, String> pathValues, RequestDraft base, Cases cases, Random random) {
        for (ApiOperation.Parameter parameter : operation.parameters("path")) {
            String kind = "uuid".equals(parameter.schema().getFormat()) ? "uuid" : "id";
            for (Nasty.UrlValue value : Nasty.URL_VALUES) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(parameter.name(), value.encoded());
                RequestDraft draft = base.copy();
                draft.path = path(operation, values);
                // an empty segment changes which route matches; everything else names nothing that exists
                boolean refused = !value.name().equals("empty");
                cases.add("path " + kind + ": " + value.name(), parameter.name(), draft, refused, FuzzCase.ANY_REFUSAL);
            }
            if (kind.equals("uuid")) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(parameter.name(), SchemaValues.uuid(random).toUpperCase(Locale.ROOT));
                RequestDraft draft = base.copy();
                draft.path = path(operation, values);
                cases.lenient("path uuid: upper case", parameter.name(), draft, FuzzCase.ANY_REFUSAL);
            }
        }
    }

    // ---- query parameters

    private void queryCases(ApiOperation operation, RequestDraft base, Cases cases, Random random) {
        for (ApiOperation.Parameter parameter : operation.parameters("query")) {
            Schema<?> schema = parameter.schema();
            String type = SchemaValues.type(schema);
            boolean list = type.equals("array");
            Schema<?> item = list && schema.getItems() != null ? schema.getItems() : schema;
            String kind = parameter.name().equals("sort") ? "sort" : kindOf(item) + (list ? " list" : "");
            List<Value> values = switch (kind) {
                case "sort" -> sortValues(operation, schema);
                case "integer" -> integerValues(parameter.name(), item);
                case "boolean" -> List.of(new Value("not a boolean", "maybe", true), new Value("number", "2", true),
                        new Value("empty", "", parameter.required()));
                case "uuid", "uuid list" -> uuidValues(random, list, parameter.required());
                case "date" -> dateValues(parameter.required());
                case "enum", "enum list" -> enumValues(item, list, parameter.required());
                default -> Nasty.URL_VALUES.stream()
                        .map(v -> new Value(v.name(), v.encoded(), parameter.required() && v.name().equals("empty"))).toList();
            };
            for (Value value : values) {
                RequestDraft draft = base.copy().setQuery(parameter.name(), value.text());
                cases.add("query " + kind + ": " + value.name(), parameter.name(), draft, value.refused(), FuzzCase.ANY_REFUSAL);
            }
            if (parameter.required()) {
                RequestDraft draft = base.copy();
                draft.query.removeIf(pair -> pair[0].equals(parameter.name()));
                cases.add("query: required parameter missing", parameter.name(), draft, true, BAD_REQUEST);
            }
            if (parameter.name().equals("page")) {
                RequestDraft draft = base.copy().setQuery("page", "2147483647").setQuery("size", "200");
                cases.lenient("query integer: last page of the largest pages", "page", draft, FuzzCase.ANY_REFUSAL);
            }
        }
        if (!operation.parameters("query").isEmpty()) {
            cases.lenient("query: unknown parameter", "", base.copy().setQuery("fuzz", "1"), FuzzCase.ANY_REFUSAL);
        }
    }

    private static String kindOf(Schema<?> schema) {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return "enum";
        }
        String type = SchemaValues.type(schema);
        if (type.equals("integer") || type.equals("boolean")) {
            return type;
        }
        if ("uuid".equals(schema.getFormat()) || "date".equals(schema.getFormat())) {
            return schema.getFormat();
        }
        return "string";
    }

    private static List<Value> integerValues(String name, Schema<?> schema) {
        boolean nonNegative = schema.getMinimum() != null && schema.getMinimum().signum() >= 0;
        boolean positive = schema.getMinimum() != null && schema.getMinimum().signum() > 0;
        List<Value> values = new ArrayList<>(List.of(
                new Value("not a number", "fuzz", true),
                new Value("float", "1.5", true),
                new Value("exponent", "1e3", true),
                new Value("negative", "-1", nonNegative),
                new Value("zero", "0", positive),
                new Value("int max", "2147483647", false),
                new Value("int max + 1", "2147483648", true),
                new Value("long max + 1", "9223372036854775808", true),
                new Value("huge number", "9".repeat(200), true),
                new Value("empty", "", false),
                new Value("invalid UTF-8", "%C3%28", true)));
        if (name.equals("size")) {
            values.add(new Value("page size far over the limit", "100000", false));
        }
        return values;
    }

    private static List<Value> uuidValues(Random random, boolean list, boolean required) {
        String uuid = SchemaValues.uuid(random);
        List<Value> values = new ArrayList<>(List.of(
                new Value("not a uuid", "fuzz", true),
                new Value("empty", "", required),
                new Value("uuid in braces", "%7B" + uuid + "%7D", true),
                new Value("truncated uuid", uuid.substring(0, 30), true),
                new Value("invalid UTF-8", "%C3%28", true),
                new Value("lone surrogate", "%ED%A0%80", true),
                // a list drops blank entries, and a NUL alone is blank
                new Value("NUL", "%00", !list)));
        if (list) {
            values.add(new Value("one bad of two", uuid + ",fuzz", true));
            values.add(new Value("many ids", String.join(",", Collections.nCopies(300, uuid)), false));
        }
        return values;
    }

    private static List<Value> dateValues(boolean required) {
        return List.of(
                new Value("30 February", "2026-02-30", true),
                new Value("month 13", "2026-13-01", true),
                // a filter by a date no record has is an empty answer (ISO 8601 allows more than 4 digits)
                new Value("year beyond 9999", "%2B10000-01-01", false),
                new Value("far past", "-999999999-01-01", false),
                new Value("far future", "%2B999999999-12-31", false),
                new Value("year zero", "0000-01-01", false),
                new Value("year 9999", "9999-12-31", false),
                new Value("not a date", "yesterday", true),
                new Value("date with time", "2026-01-01T00:00:00Z", true),
                new Value("empty", "", required));
    }

    private static List<Value> enumValues(Schema<?> schema, boolean list, boolean required) {
        String first = String.valueOf(schema.getEnum().get(0));
        List<Value> values = new ArrayList<>(List.of(
                new Value("unknown value", "FUZZ", true),
                new Value("lower case", first.toLowerCase(Locale.ROOT), false),
                new Value("empty", "", required),
                new Value("invalid UTF-8", "%C3%28", true)));
        if (list) {
            values.add(new Value("one unknown of two", first + ",FUZZ", true));
        }
        return values;
    }

    /**
     * Sort values that name no field, are no identifier at all, or (partner API) name a field the
     * partner's answers do not show: each one a 400 ({@code @Sortable}).
     */
    private List<Value> sortValues(ApiOperation operation, Schema<?> schema) {
        String field = "name";
        if (schema.getDefault() instanceof List<?> defaults && !defaults.isEmpty()) {
            field = String.valueOf(defaults.get(0)).split(",")[0];
        }
        List<Value> values = new ArrayList<>(List.of(
                new Value("unknown field", "fuzz", true),
                new Value("unknown field descending", "fuzz,DESC", true),
                new Value("semicolon", field + "%3Bx", true),
                new Value("parenthesis", "%28", true),
                new Value("dotted path", "a.b.c", true),
                new Value("NUL", "%00", true),
                new Value("non-Latin field", "%E5%90%8D%E5%89%8D", true),
                new Value("space in field", "a%20b", true),
                new Value("digits", "1", true),
                new Value("bad direction", field + ",sideways", true),
                new Value("lone surrogate", "%ED%A0%80", true),
                new Value("invalid UTF-8", "%C3%28", true),
                new Value("long field", "a".repeat(300), true),
                new Value("empty", "", false),
                new Value("only a direction", ",ASC", false)));
        if (operation.partner()) {
            Set<String> hidden = new LinkedHashSet<>(staffCounterpart(operation));
            hidden.removeAll(operation.listedFields());
            hidden.forEach(name -> values.add(new Value("field the partner cannot see: " + name, name, true)));
        }
        return values;
    }

    private Set<String> staffCounterpart(ApiOperation partnerOperation) {
        String staffPath = partnerOperation.path().replace("/api/partner/v1/", "/api/v1/");
        return operations.stream()
                .filter(o -> o.method().equals(partnerOperation.method()) && o.path().equals(staffPath))
                .map(ApiOperation::listedFields).findFirst().orElse(Set.of());
    }

    // ---- bodies

    private static void bodyCases(ApiOperation operation, RequestDraft base, Cases cases, Random random) {
        Schema<?> schema = operation.bodySchema();
        if (schema == null) {
            return;
        }
        if (schema.getProperties() != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((name, property) ->
                    fieldValues(name, property, required.contains(name), random).forEach(value -> {
                        RequestDraft draft = base.copy();
                        if (value.text() == null) {
                            draft.fields.remove(name);
                        } else {
                            draft.fields.put(name, value.text());
                        }
                        cases.add("body " + SchemaValues.type(property) + ": " + value.name(), name, draft, value.refused(),
                                FuzzCase.ANY_REFUSAL);
                    }));
            invalidUtf8InAStringField(schema, base, cases);
        }
        RequestDraft extra = base.copy();
        extra.fields.put("fuzzExtra", "\"fuzz\"");
        cases.lenient("body: unknown field", "fuzzExtra", extra, FuzzCase.ANY_REFUSAL);

        RequestDraft many = base.copy();
        for (int i = 0; i < 2_000; i++) {
            many.fields.put("fuzz" + i, Integer.toString(i));
        }
        cases.lenient("body: 2,000 unknown fields", "", many, FuzzCase.ANY_REFUSAL);

        // a merge patch of a record that does not exist may be a 404 before its body is read
        Set<Integer> unreadable = operation.parameters("path").isEmpty() ? BAD_REQUEST : Set.of(400, 404);
        for (Nasty.JsonValue malformed : Nasty.MALFORMED_BODIES) {
            cases.add("body: " + malformed.name(), "", withRawBody(base, operation.bodyMediaType(), malformed.json().getBytes(StandardCharsets.UTF_8), false),
                    true, unreadable);
        }
        cases.add("body: empty", "", withRawBody(base, operation.bodyMediaType(), new byte[0], false), true, unreadable);
        // a body that is not JSON (a usage report, taken as text or bytes) is read only once the record it
        // goes to is found: a record that does not exist may be a 404 first
        Set<Integer> unsupported = operation.bodyMediaType().contains("json") || operation.parameters("path").isEmpty()
                ? UNSUPPORTED_TYPE : union(UNSUPPORTED_TYPE, Set.of(404));
        RequestDraft none = base.copy();
        none.fields = null;
        cases.add("body: none", "", none, true, unsupported);

        String json = base.json();
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, json.getBytes(StandardCharsets.UTF_8));
        cases.lenient("body: byte order mark", "", withRawBody(base, operation.bodyMediaType(), withBom, false), FuzzCase.ANY_REFUSAL);
        if (!base.fields.isEmpty()) {
            String first = base.fields.keySet().iterator().next();
            String duplicated = json.substring(0, json.length() - 1) + ",\"" + first + "\":" + base.fields.get(first) + "}";
            cases.lenient("body: duplicate field", first, withRawBody(base, operation.bodyMediaType(),
                    duplicated.getBytes(StandardCharsets.UTF_8), false), FuzzCase.ANY_REFUSAL);
        }

        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=fuzz")) {
            RequestDraft draft = base.copy();
            draft.contentType = type;
            cases.add("content type: " + type.replace("application/json; ", ""), "", draft, true, unsupported);
        }
        RequestDraft latin = base.copy();
        latin.contentType = operation.bodyMediaType() + "; charset=ISO-8859-1";
        cases.lenient("content type: latin-1 declared", "", latin, FuzzCase.ANY_REFUSAL);
        RequestDraft noType = base.copy();
        noType.rawBody = new FuzzRequest.Body(null, json.getBytes(StandardCharsets.UTF_8), false);
        cases.add("content type: none", "", noType, true, unsupported);

        RequestDraft padded = base.copy();
        padded.fields.put("fuzzPadding", "\"" + "x".repeat(OVER_ONE_MB) + "\"");
        cases.add("body: over 1 MB", "", padded, true, TOO_LARGE);
        cases.add("body: over 1 MB, chunked", "", withRawBody(base, operation.bodyMediaType(),
                padded.json().getBytes(StandardCharsets.UTF_8), true), true, TOO_LARGE);
        cases.lenient("body: chunked", "", withRawBody(base, operation.bodyMediaType(), json.getBytes(StandardCharsets.UTF_8), true),
                FuzzCase.ANY_REFUSAL);
    }

    private static List<Value> fieldValues(String name, Schema<?> schema, boolean required, Random random) {
        List<Value> values = new ArrayList<>();
        if (required) {
            values.add(new Value("required field missing", null, true));
        }
        values.add(new Value("null", "null", required));
        String type = SchemaValues.type(schema);
        boolean constrained = schema.getFormat() != null || schema.getEnum() != null || schema.getPattern() != null;
        switch (type) {
            case "string" -> {
                values.add(new Value("object for string", "{\"fuzz\":1}", true));
                values.add(new Value("array for string", "[\"fuzz\"]", true));
                values.add(new Value("number for string", "42", constrained));
                for (Nasty.JsonValue nasty : Nasty.STRINGS) {
                    boolean lone = nasty.name().contains("surrogate");
                    boolean empty = nasty.name().equals("empty string");
                    boolean tooShort = schema.getMinLength() != null && schema.getMinLength() > 0;
                    values.add(new Value(nasty.name(), nasty.json(), lone || constrained || (empty && tooShort)));
                }
                if (schema.getMaxLength() != null) {
                    values.add(new Value("one over maxLength", SchemaValues.quote("x".repeat(schema.getMaxLength() + 1)), true));
                    if (!constrained && schema.getMaxLength() >= 2) {
                        values.add(new Value("emoji up to maxLength", SchemaValues.quote("\uD83D\uDE00".repeat(schema.getMaxLength() / 2)), false));
                    }
                }
                values.add(new Value("huge string", SchemaValues.quote("x".repeat(200_000)), schema.getMaxLength() != null || constrained));
                formatValues(schema, random).forEach(values::add);
            }
            case "integer" -> {
                boolean int32 = !"int64".equals(schema.getFormat());
                boolean nonNegative = schema.getMinimum() != null && schema.getMinimum().signum() >= 0;
                values.add(new Value("string for integer", "\"fuzz\"", true));
                values.add(new Value("boolean for integer", "true", true));
                values.add(new Value("object for integer", "{}", true));
                for (Nasty.JsonValue number : Nasty.NUMBERS) {
                    boolean refused = switch (number.name()) {
                        case "negative" -> nonNegative;
                        case "int max + 1", "int min - 1" -> int32;
                        case "long max + 1", "huge integer", "float for integer", "huge exponent", "tiny exponent" -> true;
                        default -> false;
                    };
                    values.add(new Value(number.name(), number.json(), refused));
                }
                if (schema.getMinimum() != null) {
                    values.add(new Value("below minimum", schema.getMinimum().subtract(java.math.BigDecimal.ONE).toPlainString(), true));
                }
                if (schema.getMaximum() != null) {
                    values.add(new Value("above maximum", schema.getMaximum().add(java.math.BigDecimal.ONE).toPlainString(), true));
                }
            }
            case "number" -> {
                boolean nonNegative = schema.getMinimum() != null && schema.getMinimum().signum() >= 0;
                values.add(new Value("string for number", "\"fuzz\"", true));
                values.add(new Value("object for number", "{}", true));
                for (Nasty.JsonValue number : Nasty.NUMBERS) {
                    values.add(new Value(number.name().replace("for integer", ""), number.json(), number.name().equals("negative") && nonNegative));
                }
            }
            case "boolean" -> {
                values.add(new Value("string for boolean", "\"fuzz\"", true));
                values.add(new Value("object for boolean", "{}", true));
                values.add(new Value("string true", "\"true\"", false));
            }
            case "array" -> {
                values.add(new Value("object for array", "{}", true));
                values.add(new Value("empty array", "[]", false));
                values.add(new Value("null item", "[null]", false));
                values.add(new Value("item of the wrong type", "[{\"fuzz\":[]}]", true));
                if (schema.getMaxItems() != null && schema.getItems() != null) {
                    String item = SchemaValues.json(name, schema.getItems(), random);
                    values.add(new Value("one over maxItems", "[" + String.join(",", Collections.nCopies(schema.getMaxItems() + 1, item)) + "]", true));
                }
            }
            default -> values.add(new Value("string for object", "\"fuzz\"", true));
        }
        return values;
    }

    private static List<Value> formatValues(Schema<?> schema, Random random) {
        List<Value> values = new ArrayList<>();
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            String first = String.valueOf(schema.getEnum().get(0));
            values.add(new Value("unknown enum value", "\"FUZZ\"", true));
            values.add(new Value("enum value in lower case", SchemaValues.quote(first.toLowerCase(Locale.ROOT)), false));
        }
        if (schema.getPattern() != null && !SchemaValues.fits("Fuzz Value!", schema)) {
            values.add(new Value("breaks the pattern", "\"Fuzz Value!\"", true));
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        switch (format) {
            case "uuid" -> {
                String uuid = SchemaValues.uuid(random);
                values.add(new Value("not a uuid", "\"fuzz\"", true));
                values.add(new Value("uuid in braces", "\"{" + uuid + "}\"", true));
                values.add(new Value("uuid with a trailing character", "\"" + uuid + "0\"", true));
                values.add(new Value("nil uuid", "\"00000000-0000-0000-0000-000000000000\"", false));
            }
            case "date" -> Nasty.DATES.forEach(date -> values.add(new Value("date " + date.name(), date.json(),
                    !date.name().equals("year zero") && !date.name().equals("year 9999 end"))));
            case "date-time" -> {
                values.add(new Value("date-time month 13", "\"2026-13-01T00:00:00Z\"", true));
                values.add(new Value("date-time year 9999 end", "\"9999-12-31T23:59:59Z\"", false));
                values.add(new Value("date-time year beyond 9999", "\"+10000-01-01T00:00:00Z\"", true));
                values.add(new Value("date-time far past", "\"-999999999-01-01T00:00:00Z\"", true));
                values.add(new Value("date-time without time", "\"2026-01-01\"", false));
                values.add(new Value("date-time as epoch number", "1700000000", false));
            }
            case "email" -> values.add(new Value("not an email", "\"fuzz\"", true));
            default -> {
            }
        }
        return values;
    }

    /** A string field whose value is not UTF-8 at all (bytes C3 28), in an otherwise valid body. */
    private static void invalidUtf8InAStringField(Schema<?> schema, RequestDraft base, Cases cases) {
        String field = schema.getProperties().entrySet().stream()
                .filter(p -> SchemaValues.type(p.getValue()).equals("string"))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (field == null) {
            return;
        }
        RequestDraft marked = base.copy();
        marked.fields.put(field, "\"" + new String(RAW_MARK, StandardCharsets.UTF_8) + "\"");
        byte[] json = replace(marked.json().getBytes(StandardCharsets.UTF_8), RAW_MARK, new byte[] {(byte) 0xC3, 0x28});
        Set<Integer> unreadable = cases.operation.parameters("path").isEmpty() ? BAD_REQUEST : Set.of(400, 404);
        cases.add("body string: invalid UTF-8 bytes", field, withRawBody(base, base.contentType, json, false), true, unreadable);
    }

    private static RequestDraft withRawBody(RequestDraft base, String contentType, byte[] bytes, boolean chunked) {
        RequestDraft draft = base.copy();
        draft.rawBody = new FuzzRequest.Body(contentType, bytes, chunked);
        return draft;
    }

    // ---- headers and the request as a whole

    private static void headerCases(ApiOperation operation, RequestDraft base, Cases cases) {
        cases.lenient("header: control character", "X-Fuzz", base.copy().setHeader("X-Fuzz", new byte[] {'a', 0x01, 'b'}), FuzzCase.ANY_REFUSAL);
        cases.lenient("header: bytes not UTF-8", "X-Fuzz", base.copy().setHeader("X-Fuzz", new byte[] {(byte) 0xFF, (byte) 0xFE}), FuzzCase.ANY_REFUSAL);
        cases.lenient("header: UTF-8 text", "X-Fuzz", base.copy().setHeader("X-Fuzz", "fu\u00dfz \uD83D\uDE00"), FuzzCase.ANY_REFUSAL);
        cases.lenient("header: forwarded-for garbage", "X-Forwarded-For", base.copy().setHeader("X-Forwarded-For", "fuzz, ::zz, 999.1.1.1"), FuzzCase.ANY_REFUSAL);
        for (String accept : List.of("%%%", "application/", "*/*;q=fuzz", "application/problem+json")) {
            cases.lenient("Accept: " + accept, "", base.copy().setHeader("Accept", accept), FuzzCase.ANY_REFUSAL);
        }
        if (operation.parameters("header").stream().anyMatch(p -> p.name().equalsIgnoreCase("If-Match"))) {
            for (String[] value : new String[][] {{"garbage", "fuzz"}, {"weak", "W/\"1\""}, {"unterminated quote", "\""},
                    {"star", "*"}, {"long", "\"" + "9".repeat(5_000) + "\""}, {"negative version", "\"-1\""}}) {
                cases.lenient("If-Match: " + value[0], "If-Match", base.copy().setHeader("If-Match", value[1]), FuzzCase.ANY_REFUSAL);
            }
        }
        if (operation.method().equals("POST")) {
            cases.add("Idempotency-Key: over 200 characters", "Idempotency-Key", base.copy().setHeader("Idempotency-Key", "k".repeat(201)),
                    true, BAD_REQUEST);
            cases.lenient("Idempotency-Key: empty", "Idempotency-Key", base.copy().setHeader("Idempotency-Key", ""), FuzzCase.ANY_REFUSAL);
            cases.lenient("Idempotency-Key: UTF-8 text", "Idempotency-Key", base.copy().setHeader("Idempotency-Key", "\u043a\u043b\u044e\u0447-\uD83D\uDE00"),
                    FuzzCase.ANY_REFUSAL);
        }
    }

    private static void transportCases(RequestDraft base, Cases cases) {
        cases.add("request: URL over 16 KB", "", base.copy().setQuery("fuzz", "a".repeat(20_000)), true, URI_TOO_LONG);
        cases.add("request: header over 16 KB", "X-Fuzz", base.copy().setHeader("X-Fuzz", "a".repeat(20_000)), true, HEAD_TOO_LARGE);
        RequestDraft many = base.copy();
        for (int i = 0; i < 300; i++) {
            many.setHeader("X-Fuzz-" + i, "v".repeat(80));
        }
        cases.add("request: 300 headers", "", many, true, HEAD_TOO_LARGE);
    }

    /** An Accept the API cannot answer: must be 406, and must not have done anything first. */
    private static void accepts(RequestDraft base, Cases cases, boolean only406) {
        for (String accept : List.of("text/csv", "image/png", "application/xml")) {
            cases.add("Accept: " + accept, "Accept", base.copy().setHeader("Accept", accept), true,
                    only406 ? NOT_ACCEPTABLE : FuzzCase.ANY_REFUSAL);
        }
    }

    // ---- choosing

    /**
     * Round robin over the kinds of mutation (in a seeded order), one random case of each kind per
     * round, until the budget is spent: a small budget still touches every kind.
     */
    private static List<FuzzCase> pick(List<FuzzCase> all, int budget, Random random) {
        Map<String, List<FuzzCase>> byFamily = new LinkedHashMap<>();
        all.forEach(c -> byFamily.computeIfAbsent(c.family(), k -> new ArrayList<>()).add(c));
        List<List<FuzzCase>> groups = new ArrayList<>(byFamily.values());
        Collections.shuffle(groups, random);
        groups.forEach(group -> Collections.shuffle(group, random));
        List<FuzzCase> picked = new ArrayList<>();
        for (int round = 0; picked.size() < budget; round++) {
            boolean any = false;
            for (List<FuzzCase> group : groups) {
                if (round < group.size() && picked.size() < budget) {
                    picked.add(group.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return picked;
    }

    private static String unquoted(String json) {
        return json.startsWith("\"") ? json.substring(1, json.length() - 1) : json;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] replace(byte[] bytes, byte[] mark, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i++) {
            if (i <= bytes.length - mark.length && java.util.Arrays.equals(bytes, i, i + mark.length, mark, 0, mark.length)) {
                out.write(with, 0, with.length);
                i += mark.length - 1;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }

    /** A value for a parameter or field: its name in the report, its text ({@code null}: left out), whether it must be refused. */
    private record Value(String name, String text, boolean refused) {
    }

    /** The cases of one operation as they are generated. */
    private static final class Cases {

        final ApiOperation operation;
        final String runMarker;
        final List<FuzzCase> all = new ArrayList<>();

        Cases(ApiOperation operation, String runMarker) {
            this.operation = operation;
            this.runMarker = runMarker;
        }

        void add(String family, String detail, RequestDraft draft, boolean refused, Set<Integer> plausible) {
            // each case its own names (customers, resellers and the like are unique by name)
            String unique = "fuzz$1" + runMarker + Integer.toString(all.size(), 36);
            if (draft.fields != null) {
                draft.fields.replaceAll((field, json) -> GENERATED_NAME.matcher(json).replaceAll(unique));
            }
            if (draft.rawBody != null) {
                try {
                    String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(draft.rawBody.bytes())).toString();
                    draft.rawBody = new FuzzRequest.Body(draft.rawBody.contentType(),
                            GENERATED_NAME.matcher(text).replaceAll(unique).getBytes(StandardCharsets.UTF_8), draft.rawBody.chunked());
                } catch (java.nio.charset.CharacterCodingException notUtf8) {
                    // the case is about those bytes: sent as they are
                }
            }
            all.add(new FuzzCase(operation, family, detail, draft.build(), refused, plausible));
        }

        void lenient(String family, String detail, RequestDraft draft, Set<Integer> plausible) {
            add(family, detail, draft, false, plausible);
        }
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
