package ai.dify.delms.licensefile;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import ai.dify.delms.licensefile.json.Json;

/** Signing keys for tests and the public keys document that lists them, in the shape DELMS serves. */
public final class TestKeys {

    /** One key of a keys document. */
    public record Listed(String kid, KeyPair pair, String status, String revokedAt) {

        public static Listed active(String kid, KeyPair pair) {
            return new Listed(kid, pair, "ACTIVE", null);
        }

        public Signer signer() {
            return Signer.ed25519(pair.getPrivate());
        }
    }

    private TestKeys() {
    }

    /** The keys document listing {@code keys}, with the members a DELMS server adds. */
    public static String document(Listed... keys) {
        List<String> entries = new ArrayList<>();
        for (Listed key : keys) {
            entries.add("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"EdDSA\",\"use\":\"sig\",\"kid\":"
                    + Json.quote(key.kid()) + ",\"x\":\"" + Base64Url.encode(Ed25519.raw(key.pair().getPublic()))
                    + "\",\"status\":\"" + key.status() + "\",\"createdAt\":\"2026-01-05T09:00:00Z\","
                    + "\"retiredAt\":" + ("RETIRED".equals(key.status()) ? "\"2026-06-01T00:00:00Z\"" : "null")
                    + ",\"revokedAt\":" + (key.revokedAt() == null ? "null" : Json.quote(key.revokedAt())) + "}");
        }
        return "{\"keys\":[" + String.join(",", entries) + "]}";
    }
}
