package ai.dify.delms.platform.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import ai.dify.delms.platform.problem.BadFieldException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The opaque {@code after} cursor of a list (decision 40): the sort values of the last row of a page
 * ({@code v}), the position of the next row ({@code p}) and a check ({@code c}) over both and the
 * query the cursor belongs to (filters and sort). A cursor sent with other filters or another sort,
 * or altered, fails the check: 400 naming {@code after}. The check is a digest, not a signature: a
 * forged cursor can only name another position in the same query, which reveals nothing.
 */
final class PageCursor {

    static final String PARAMETER = "after";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private PageCursor() {
    }

    /** A decoded cursor: the last row's sort values as the texts {@link #encode} wrote. */
    record Position(List<String> values, long position) {
    }

    static String encode(String query, List<String> values, long position) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode array = node.putArray("v");
        values.forEach(array::add);
        node.put("p", position);
        node.put("c", check(query, values, position));
        return ENCODER.encodeToString(JSON.writeValueAsBytes(node));
    }

    /** @param columns how many sort values the query's cursors hold */
    static Position decode(String query, String cursor, int columns) {
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid();
        }
        JsonNode values = node.get("v");
        JsonNode position = node.get("p");
        JsonNode check = node.get("c");
        if (values == null || !values.isArray() || values.size() != columns || position == null
                || !position.isIntegralNumber() || position.asLong() < 0 || check == null || !check.isString()) {
            throw invalid();
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode value : values) {
            if (!value.isNull() && !value.isString()) {
                throw invalid();
            }
            texts.add(value.isNull() ? null : value.asString());
        }
        if (!MessageDigest.isEqual(check(query, texts, position.asLong()).getBytes(StandardCharsets.UTF_8),
                check.asString().getBytes(StandardCharsets.UTF_8))) {
            throw invalid();
        }
        return new Position(texts, position.asLong());
    }

    static BadFieldException invalid() {
        return new BadFieldException(PARAMETER, "is not a cursor of this list with these filters and this sort; "
                + "send the filters and sort of the request that returned it, or start again without after");
    }

    private static String check(String query, List<String> values, long position) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(query.getBytes(StandardCharsets.UTF_8));
            for (String value : values) {
                // a length before each value: ("a", "bc") and ("ab", "c") differ
                digest.update(((value == null ? "-" : value.length() + ":" + value) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            digest.update(Long.toString(position).getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(Arrays.copyOf(digest.digest(), 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
