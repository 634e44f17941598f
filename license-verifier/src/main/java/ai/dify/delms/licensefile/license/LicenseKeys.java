package ai.dify.delms.licensefile.license;

import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.dify.delms.licensefile.Base64Url;
import ai.dify.delms.licensefile.Ed25519;
import ai.dify.delms.licensefile.SignedText;
import ai.dify.delms.licensefile.json.Json;
import ai.dify.delms.licensefile.json.JsonException;
import ai.dify.delms.licensefile.json.JsonObject;

/**
 * The public keys document ({@code GET /api/v1/license-keys/public}, the CLI's {@code --keys}):
 * {@code {"keys":[{"kty":"OKP","crv":"Ed25519","kid":...,"x":...,"status":...}]}}. Unknown members
 * are ignored; keys of another type ({@code kty}/{@code crv}) are skipped, as this format only
 * signs with Ed25519.
 */
public final class LicenseKeys {

    private final Map<String, LicenseKey> byId;

    private LicenseKeys(Map<String, LicenseKey> byId) {
        this.byId = byId;
    }

    public static LicenseKeys of(Collection<LicenseKey> keys) {
        Map<String, LicenseKey> byId = new LinkedHashMap<>();
        for (LicenseKey key : keys) {
            if (byId.put(key.keyId(), key) != null) {
                throw new IllegalArgumentException("Key " + key.keyId() + " is listed twice");
            }
        }
        return new LicenseKeys(byId);
    }

    /**
     * Reads the keys document.
     *
     * @throws JsonException when it is not JSON, or a key lacks or misstates {@code kid}, {@code x} or
     *         {@code status}, or a kid is listed twice
     */
    public static LicenseKeys parse(String json) {
        JsonObject document = JsonObject.of(Json.parse(json), "the keys document");
        List<Object> keys = document.array("keys");
        Map<String, LicenseKey> byId = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            JsonObject key = JsonObject.of(keys.get(i), "key " + (i + 1));
            if (!"OKP".equals(key.optionalString("kty").orElse(null))
                    || !"Ed25519".equals(key.optionalString("crv").orElse(null))) {
                continue;
            }
            LicenseKey read = read(key, i + 1);
            if (byId.put(read.keyId(), read) != null) {
                throw new JsonException("key " + read.keyId() + " is listed twice");
            }
        }
        return new LicenseKeys(byId);
    }

    private static LicenseKey read(JsonObject key, int number) {
        String where = "key " + number;
        String kid = key.string("kid");
        if (!SignedText.KEY_ID.matcher(kid).matches()) {
            throw new JsonException(where + ": kid must be 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        where = "key " + kid;
        key.optionalString("alg").filter(alg -> !alg.equals("EdDSA")).ifPresent(alg -> {
            throw new JsonException("key " + kid + ": alg must be EdDSA, not " + alg);
        });
        key.optionalString("use").filter(use -> !use.equals("sig")).ifPresent(use -> {
            throw new JsonException("key " + kid + ": use must be sig, not " + use);
        });
        PublicKey publicKey;
        try {
            byte[] raw = Base64Url.decode(key.string("x"));
            if (raw.length != Ed25519.PUBLIC_KEY_LENGTH) {
                throw new IllegalArgumentException("not 32 bytes");
            }
            publicKey = Ed25519.publicKey(raw);
        } catch (IllegalArgumentException e) {
            throw new JsonException(where + ": x must be the raw 32-byte key in base64url: " + e.getMessage());
        }
        LicenseKey.Status status;
        try {
            status = LicenseKey.Status.valueOf(key.string("status"));
        } catch (IllegalArgumentException e) {
            throw new JsonException(where + ": status must be ACTIVE, RETIRED or REVOKED");
        }
        return new LicenseKey(kid, publicKey, status, instant(key, "createdAt", where),
                instant(key, "retiredAt", where), instant(key, "revokedAt", where));
    }

    private static Instant instant(JsonObject key, String member, String where) {
        String text = key.optionalString(member).orElse(null);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new JsonException(where + ": " + member + " is not an instant: " + text);
        }
    }

    public Optional<LicenseKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    public Collection<LicenseKey> all() {
        return byId.values();
    }
}
