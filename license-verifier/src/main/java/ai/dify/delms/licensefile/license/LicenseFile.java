package ai.dify.delms.licensefile.license;

import java.security.PublicKey;
import java.util.List;

import ai.dify.delms.licensefile.MalformedTextException;
import ai.dify.delms.licensefile.SignedText;
import ai.dify.delms.licensefile.json.Json;
import ai.dify.delms.licensefile.json.JsonException;
import ai.dify.delms.licensefile.json.JsonObject;

/**
 * A license file that has the exact form of format 1 (docs/license-files.md), read but not yet
 * trusted: its signature is checked by {@link #signedBy(PublicKey)} or, with keys, dates and the
 * clock, by {@link LicenseVerifier}.
 */
public final class LicenseFile {

    /** The first line of every license file of this format. */
    public static final String HEADER = "DELMS-LICENSE-FILE " + LicensePayload.FORMAT_VERSION;
    static final String MAGIC = "DELMS-LICENSE-FILE";

    record Payload(LicenseTerms terms, String keyId) {
    }

    private final LicenseTerms terms;
    private final String keyId;
    private final SignedText signed;

    private LicenseFile(LicenseTerms terms, String keyId, SignedText signed) {
        this.terms = terms;
        this.keyId = keyId;
        this.signed = signed;
    }

    /**
     * Reads a license file's bytes exactly as issued.
     *
     * @throws MalformedTextException naming the first line that is not in the format's exact form:
     *         not UTF-8, a byte order mark, CR, another header, a payload not in canonical layout, a
     *         value out of range, a signature line that does not name the payload's key
     */
    public static LicenseFile parse(byte[] bytes) throws MalformedTextException {
        SignedText signed = SignedText.read(bytes, MAGIC, LicensePayload.FORMAT_VERSION);
        List<String> payloadLines = signed.lines().subList(1, signed.lines().size());
        String payloadText = String.join("\n", payloadLines) + "\n";
        Payload payload;
        try {
            payload = LicensePayload.read(JsonObject.of(Json.parse(payloadText), "the payload"));
        } catch (JsonException e) {
            throw new MalformedTextException(e.line() > 0 ? e.line() + 1 : 0,
                    e.line() > 0 ? e.reason() + " (column " + e.column() + ")" : e.reason());
        } catch (LicensePayload.FieldException e) {
            throw new MalformedTextException(lineOf(e.field, payloadLines), e.getMessage());
        }
        String canonical = LicensePayload.render(payload.terms(), payload.keyId());
        String[] expected = canonical.split("\n");
        for (int i = 0; i < Math.max(expected.length, payloadLines.size()); i++) {
            if (i >= expected.length) {
                throw new MalformedTextException(i + 2, "not in the canonical layout; expected the signature line");
            }
            if (i >= payloadLines.size() || !expected[i].equals(payloadLines.get(i))) {
                throw new MalformedTextException(i + 2, "not in the canonical layout; expected: " + expected[i]);
            }
        }
        if (!signed.keyId().equals(payload.keyId())) {
            throw new MalformedTextException(signed.signatureLineNumber(), "the signature names key " + signed.keyId()
                    + " but the payload names key " + payload.keyId());
        }
        return new LicenseFile(payload.terms(), payload.keyId(), signed);
    }

    /** The line number in the file of a payload field, 0 when it cannot be found. */
    private static int lineOf(String field, List<String> payloadLines) {
        for (int i = 0; field != null && i < payloadLines.size(); i++) {
            if (payloadLines.get(i).contains(Json.quote(field))) {
                return i + 2;
            }
        }
        return 0;
    }

    /** Reads a license file from its text, which is encoded as UTF-8 first. */
    public static LicenseFile parse(String text) throws MalformedTextException {
        return parse(SignedText.utf8(text));
    }

    /** What the file says; authentic only once the signature has been checked. */
    public LicenseTerms terms() {
        return terms;
    }

    /** The id of the key the file says signed it (covered by the signature). */
    public String keyId() {
        return keyId;
    }

    /** Whether the file's signature is {@code key}'s over the exact bytes before the signature line. */
    public boolean signedBy(PublicKey key) {
        return signed.signedBy(key);
    }
}
