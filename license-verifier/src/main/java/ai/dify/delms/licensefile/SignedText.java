package ai.dify.delms.licensefile;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The frame license files and usage reports share: UTF-8 text without a byte order mark, lines ended
 * by LF only (the last one too), a first line {@code <MAGIC> <version>}, and a last line
 * {@code signature ed25519 <key id> <base64url signature>} whose signature covers the exact bytes of
 * every line before it, line feeds included.
 *
 * <p>Reading checks the frame only; what lies between the first and the last line is the format's.
 */
public final class SignedText {

    /** A key id: what the keys document allows, and what instance key ids are made of. */
    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final Pattern SIGNATURE_LINE = Pattern.compile("signature ed25519 (\\S+) (\\S+)");

    private final List<String> lines;
    private final byte[] signedBytes;
    private final String keyId;
    private final byte[] signature;

    private SignedText(List<String> lines, byte[] signedBytes, String keyId, byte[] signature) {
        this.lines = lines;
        this.signedBytes = signedBytes;
        this.keyId = keyId;
        this.signature = signature;
    }

    /**
     * Reads the frame of a text of format {@code magic}, version {@code version}.
     *
     * @throws MalformedTextException at the first line that breaks the frame
     */
    public static SignedText read(byte[] bytes, String magic, int version) throws MalformedTextException {
        String text = decode(bytes);
        if (!text.endsWith("\n")) {
            throw new MalformedTextException(lineCount(text), "the last line does not end with a line feed"
                    + " (the file is truncated or was changed)");
        }
        List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).indexOf('\r') >= 0) {
                throw new MalformedTextException(i + 1, "carriage return (CR); lines must end with LF alone"
                        + " (was the file converted to CR LF line endings? copy it in binary mode)");
            }
        }
        checkHeader(lines.get(0), magic, version);
        if (lines.size() < 3) {
            throw new MalformedTextException(lines.size(), "the file ends before its signature line");
        }
        String last = lines.get(lines.size() - 1);
        Matcher signatureLine = SIGNATURE_LINE.matcher(last);
        if (!signatureLine.matches()) {
            throw new MalformedTextException(lines.size(),
                    "the last line must be the signature: signature ed25519 <key id> <signature>");
        }
        String keyId = signatureLine.group(1);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new MalformedTextException(lines.size(), "the key id of the signature is not a key id");
        }
        byte[] signature;
        try {
            signature = Base64Url.decode(signatureLine.group(2));
        } catch (IllegalArgumentException e) {
            throw new MalformedTextException(lines.size(), "the signature is " + e.getMessage());
        }
        if (signature.length != Ed25519.SIGNATURE_LENGTH) {
            throw new MalformedTextException(lines.size(), "the signature is not 64 bytes");
        }
        int signedLength = bytes.length - last.getBytes(StandardCharsets.UTF_8).length - 1;
        return new SignedText(lines.subList(0, lines.size() - 1), Arrays.copyOf(bytes, signedLength), keyId,
                signature);
    }

    /** The text of a signed file: {@code signedPart} (which ends with LF) and its signature line. */
    public static String sign(String signedPart, String keyId, Signer signer) {
        if (!signedPart.endsWith("\n")) {
            throw new IllegalArgumentException("The signed part ends with a line feed");
        }
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("Not a key id ([A-Za-z0-9._-]{1,64}): " + keyId);
        }
        byte[] signature = signer.sign(signedPart.getBytes(StandardCharsets.UTF_8));
        if (signature == null || signature.length != Ed25519.SIGNATURE_LENGTH) {
            throw new IllegalStateException("The signer did not return a 64-byte Ed25519 signature");
        }
        return signedPart + "signature ed25519 " + keyId + " " + Base64Url.encode(signature) + "\n";
    }

    /** The lines before the signature line (the first is the header), without their line feeds. */
    public List<String> lines() {
        return lines;
    }

    /** The key id the signature line names. */
    public String keyId() {
        return keyId;
    }

    /** The line number (from 1) of the signature line. */
    public int signatureLineNumber() {
        return lines.size() + 1;
    }

    /** Whether the signature is {@code key}'s over the exact bytes before the signature line. */
    public boolean signedBy(PublicKey key) {
        return Ed25519.verify(key, signedBytes, signature);
    }

    /**
     * The UTF-8 bytes of a text given as a string.
     *
     * @throws MalformedTextException for a lone surrogate, which has no UTF-8 encoding
     */
    public static byte[] utf8(String text) throws MalformedTextException {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Arrays.copyOf(encoded.array(), encoded.limit());
        } catch (CharacterCodingException e) {
            throw new MalformedTextException(0, "the text has a lone surrogate, which is not UTF-8");
        }
    }

    private static String decode(byte[] bytes) throws MalformedTextException {
        if (bytes.length == 0) {
            throw new MalformedTextException(0, "the file is empty");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            throw new MalformedTextException(1, "the file starts with a byte order mark (BOM);"
                    + " it must be plain UTF-8 as issued (was it saved by an editor?)");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new MalformedTextException(lineOf(bytes, in.position()), "bytes that are not UTF-8 at byte offset "
                    + in.position() + " (the file must be UTF-8 as issued)");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineCount(String text) {
        return (int) text.chars().filter(c -> c == '\n').count() + 1;
    }

    private static void checkHeader(String header, String magic, int version) throws MalformedTextException {
        String expected = magic + " " + version;
        if (header.equals(expected)) {
            return;
        }
        if (header.startsWith(magic + " ")) {
            throw new MalformedTextException(1, "format version " + header.substring(magic.length() + 1)
                    + " is not supported (this verifier reads " + expected + ")");
        }
        throw new MalformedTextException(1, "the first line must be " + expected);
    }
}
