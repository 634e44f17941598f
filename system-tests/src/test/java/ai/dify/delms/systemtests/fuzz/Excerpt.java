package ai.dify.delms.systemtests.fuzz;

import java.nio.charset.StandardCharsets;

/** A short, printable view of bytes sent or received: control and non-ASCII bytes as \xNN. */
final class Excerpt {

    private Excerpt() {
    }

    static String of(byte[] bytes, int limit) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length && text.length() < limit; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02X", b));
            }
        }
        return bytes.length > 0 && text.length() >= limit ? text + "... (" + bytes.length + " bytes)" : text.toString();
    }

    static String of(String text, int limit) {
        return of(text.getBytes(StandardCharsets.UTF_8), limit);
    }
}
