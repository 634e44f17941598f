package ai.dify.delms.systemtests.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A request exactly as it goes on the wire: the request-target and header values are bytes, since
 * some cases are deliberately not ASCII (or not UTF-8 at all).
 */
record FuzzRequest(String method, byte[] target, List<Header> headers, Body body) {

    record Header(String name, byte[] value) {

        static Header of(String name, String value) {
            return new Header(name, value.getBytes(StandardCharsets.UTF_8));
        }

        String shown() {
            return name + ": " + Excerpt.of(value, 120);
        }
    }

    /** A body of fixed length, or sent with {@code Transfer-Encoding: chunked} (no length announced). */
    record Body(String contentType, byte[] bytes, boolean chunked) {

        static Body json(String json) {
            return new Body("application/json", json.getBytes(StandardCharsets.UTF_8), false);
        }

        int length() {
            return bytes.length;
        }
    }

    FuzzRequest withHeader(String name, String value) {
        return withHeader(new Header(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    FuzzRequest withHeader(Header header) {
        List<Header> all = new ArrayList<>(headers.stream()
                .filter(h -> !h.name().toLowerCase(Locale.ROOT).equals(header.name().toLowerCase(Locale.ROOT))).toList());
        all.add(header);
        return new FuzzRequest(method, target, List.copyOf(all), body);
    }

    /** The target as text, escapes and all, for the failure report. */
    String targetShown() {
        return Excerpt.of(target, 300);
    }

    /** What a developer needs to send it again: method, target, headers (no token) and the body's start. */
    String reproduction() {
        StringBuilder text = new StringBuilder(method).append(' ').append(targetShown());
        for (Header header : headers) {
            text.append("\n      ").append(header.name().equalsIgnoreCase("Authorization") ? header.name() + ": Bearer <token>" : header.shown());
        }
        if (body != null) {
            text.append("\n      Content-Type: ").append(body.contentType());
            text.append(body.chunked() ? "\n      Transfer-Encoding: chunked" : "");
            text.append("\n      body (").append(body.length()).append(" bytes): ").append(Excerpt.of(body.bytes(), 200));
        }
        return text.toString();
    }
}
