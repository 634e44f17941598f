package ai.dify.delms.platform.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a part of a request target as sent (a path or query, still percent-encoded) decodes to
 * text: every {@code %} followed by two hex digits, and the bytes they stand for well-formed UTF-8
 * (no stray continuation bytes, no sequence cut short, no encoded surrogates such as
 * {@code %ED%A0%80}). Services and the gateway refuse anything else with 400 before reading a
 * parameter (docs/security.md).
 */
public final class PercentEncodedUtf8 {

    private PercentEncodedUtf8() {
    }

    public static boolean isValid(String raw) {
        if (raw == null || raw.isEmpty()) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return false;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // a character the server already decoded: valid text by definition
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
