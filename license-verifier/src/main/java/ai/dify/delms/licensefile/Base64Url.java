package ai.dify.delms.licensefile;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Base64url without padding (RFC 4648 section 5), read strictly: one text per byte string, so no
 * padding, no other alphabet, and no set bits in the unused tail (which would let two texts decode to
 * the same bytes).
 */
public final class Base64Url {

    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]*");

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @throws IllegalArgumentException when {@code text} is not the canonical encoding of some bytes */
    public static byte[] decode(String text) {
        if (!ALPHABET.matcher(text).matches() || text.length() % 4 == 1) {
            throw new IllegalArgumentException("not base64url without padding");
        }
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        if (!encode(bytes).equals(text)) {
            throw new IllegalArgumentException("not canonical base64url (unused bits set)");
        }
        return bytes;
    }
}
