package ai.dify.delms.licensefile.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.dify.delms.licensefile.Base64Url;
import ai.dify.delms.licensefile.Ed25519;
import ai.dify.delms.licensefile.json.JsonException;

class LicenseKeysTest {

    private static final KeyPair PAIR = Ed25519.generateKeyPair();
    private static final String X = Base64Url.encode(Ed25519.raw(PAIR.getPublic()));

    @Test
    void readsTheSharedContractsDocumentAndIgnoresUnknownMembers() {
        LicenseKeys keys = LicenseKeys.parse("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"EdDSA\","
                + "\"use\":\"sig\",\"kid\":\"lk-20261207-3f9a2c\",\"x\":\"" + X + "\",\"status\":\"RETIRED\","
                + "\"createdAt\":\"2026-12-07T10:00:00Z\",\"retiredAt\":\"2027-01-01T00:00:00Z\",\"revokedAt\":null,"
                + "\"comment\":{\"any\":[1,2]}}],\"generatedAt\":\"2027-01-02T00:00:00Z\"}");

        LicenseKey key = keys.find("lk-20261207-3f9a2c").orElseThrow();
        assertThat(key.status()).isEqualTo(LicenseKey.Status.RETIRED);
        assertThat(key.isRevoked()).isFalse();
        assertThat(key.createdAt()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(Ed25519.raw(key.publicKey())).isEqualTo(Ed25519.raw(PAIR.getPublic()));
        assertThat(keys.find("lk-other")).isEmpty();
    }

    @Test
    void aKeyWithARevocationTimeIsRevokedWhateverItsStatus() {
        LicenseKeys keys = LicenseKeys.parse(document("\"kid\":\"k1\",\"x\":\"" + X + "\",\"status\":\"RETIRED\","
                + "\"revokedAt\":\"2027-01-01T00:00:00Z\""));

        assertThat(keys.find("k1").orElseThrow().isRevoked()).isTrue();
    }

    @Test
    void skipsKeysOfAnotherType() {
        LicenseKeys keys = LicenseKeys.parse("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"rsa-1\",\"n\":\"AQAB\",\"e\":\"AQAB\"},"
                + "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"kid\":\"x-1\",\"x\":\"" + X + "\"}]}");

        assertThat(keys.all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"kid\":\"k1\",\"x\":\"AAAA\",\"status\":\"ACTIVE\"",                        // not 32 bytes
            "\"kid\":\"k1\",\"x\":\"%X%=\",\"status\":\"ACTIVE\"",                          // padded
            "\"kid\":\"k1\",\"x\":\"%X%\",\"status\":\"DISABLED\"",                         // unknown status
            "\"kid\":\"k1\",\"x\":\"%X%\"",                                                 // no status
            "\"kid\":\"k 1\",\"x\":\"%X%\",\"status\":\"ACTIVE\"",                          // kid not a key id
            "\"x\":\"%X%\",\"status\":\"ACTIVE\"",                                          // no kid
            "\"kid\":\"k1\",\"x\":\"%X%\",\"status\":\"ACTIVE\",\"alg\":\"RS256\"",         // another algorithm
            "\"kid\":\"k1\",\"x\":\"%X%\",\"status\":\"ACTIVE\",\"use\":\"enc\"",           // not for signatures
            "\"kid\":\"k1\",\"x\":\"%X%\",\"status\":\"ACTIVE\",\"createdAt\":\"yesterday\""})
    void refusesAKeyItCannotTrust(String members) {
        assertThatThrownBy(() -> LicenseKeys.parse(document(members.replace("%X%", X))))
                .isInstanceOf(JsonException.class);
    }

    @Test
    void refusesAKeyIdListedTwice() {
        String key = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k1\",\"x\":\"" + X + "\",\"status\":\"ACTIVE\"}";
        assertThatThrownBy(() -> LicenseKeys.parse("{\"keys\":[" + key + "," + key + "]}"))
                .hasMessageContaining("listed twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{}", "{\"keys\":{}}", "{\"keys\":[1]}", "{\"keys\":[]} trailing"})
    void refusesADocumentOfAnotherShape(String json) {
        assertThatThrownBy(() -> LicenseKeys.parse(json)).isInstanceOf(JsonException.class);
    }

    private static String document(String members) {
        return "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\"," + members + "}]}";
    }
}
