package ai.dify.delms.systemtests.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request under construction, in parts a mutation can change one at a time: path segments and
 * query values already percent-encoded (or deliberately not), headers, and a JSON body kept as an
 * ordered map of field to raw JSON text so that a field can hold anything, valid or not.
 */
final class RequestDraft {

    final String method;
    String path;
    final List<String[]> query = new ArrayList<>();
    final List<FuzzRequest.Header> headers = new ArrayList<>();
    LinkedHashMap<String, String> fields;
    /** Replaces the body built from {@link #fields} when set. */
    FuzzRequest.Body rawBody;
    String contentType;

    RequestDraft(String method, String path) {
        this.method = method;
        this.path = path;
    }

    RequestDraft copy() {
        RequestDraft copy = new RequestDraft(method, path);
        query.forEach(pair -> copy.query.add(pair.clone()));
        copy.headers.addAll(headers);
        copy.fields = fields == null ? null : new LinkedHashMap<>(fields);
        copy.rawBody = rawBody;
        copy.contentType = contentType;
        return copy;
    }

    RequestDraft setQuery(String name, String encodedValue) {
        query.removeIf(pair -> pair[0].equals(name));
        query.add(new String[] {name, encodedValue});
        return this;
    }

    RequestDraft setHeader(String name, byte[] value) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(name));
        headers.add(new FuzzRequest.Header(name, value));
        return this;
    }

    RequestDraft setHeader(String name, String value) {
        return setHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    String json() {
        return fields.entrySet().stream()
                .map(field -> "\"" + field.getKey() + "\":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    FuzzRequest build() {
        String target = path + (query.isEmpty() ? ""
                : query.stream().map(pair -> pair[0] + "=" + pair[1]).collect(Collectors.joining("&", "?", "")));
        FuzzRequest.Body body = rawBody;
        if (body == null && fields != null) {
            body = new FuzzRequest.Body(contentType, json().getBytes(StandardCharsets.UTF_8), false);
        }
        // ISO-8859-1: one byte per char, so a deliberately raw byte (\u00ff) goes out as that byte
        return new FuzzRequest(method, target.getBytes(StandardCharsets.ISO_8859_1), List.copyOf(headers), body);
    }

    static Map<String, String> copyOf(Map<String, String> fields) {
        return new LinkedHashMap<>(fields);
    }
}
