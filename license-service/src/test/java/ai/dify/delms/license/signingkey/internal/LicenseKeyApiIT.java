package ai.dify.delms.license.signingkey.internal;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ai.dify.delms.license.signingkey.LicenseSigner;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.transaction.LockContentionRetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ai.dify.delms.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signing keys of license files through the API: rotation, revocation, the public keys document
 * a verifier reads, who may do what, and how the private keys are kept.
 */
@DelmsServiceTest
class LicenseKeyApiIT {

    private static final String KEYS = "/api/v1/license-keys";
    private static final String PUBLIC = KEYS + "/public";
    private static final String KID = "lk-\\d{8}-[0-9a-f]{6}";
    /** The X.509 SubjectPublicKeyInfo header of an Ed25519 key, as the public keys contract gives it. */
    private static final byte[] X509_HEADER = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    LicenseSigner signer;
    @Autowired
    MeterRegistry meters;
    @Value("${delms.license-files.key-encryption-key}")
    String keyEncryptionKey;

    @Test
    void rotationMakesANewActiveKeyAndRetiresThePreviousOne() throws Exception {
        String first = kidOf(rotate(tokens.adminToken()).andExpect(status().isCreated()));
        String second = kidOf(rotate(tokens.adminToken())
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern(".*" + KEYS + "/" + KID)))
                .andExpect(jsonPath("$.status").value("ACTIVE")));

        assertThat(first).matches(KID);
        assertThat(second).matches(KID).isNotEqualTo(first);
        read(first).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETIRED"))
                .andExpect(jsonPath("$.retiredAt").isNotEmpty())
                .andExpect(jsonPath("$.revokedAt").isEmpty());
        read(second).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.kid").value(second))
                .andExpect(jsonPath("$.algorithm").value("Ed25519"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.createdBy").value("alice"))
                .andExpect(jsonPath("$.publicKey").value(matchesPattern("[A-Za-z0-9_-]{43}")));
        assertThat(activeKeys()).containsExactly(second);
        assertThat(auditedActions(first)).containsExactly("CREATE by alice", "UPDATE by alice");
        assertThat(signer.sign(bytes("after the rotation")).kid()).isEqualTo(second);
        // a retired key can never sign again: its private key is gone
        assertThat(jdbc.queryForObject("select sealed_private_key from license_signing_key where kid = ?", byte[].class,
                first)).isNull();
    }

    @Test
    void theListHoldsEveryKeyNewestFirstAndAnUnknownKeyIs404() throws Exception {
        String older = kidOf(rotate(tokens.adminToken()));
        String newer = kidOf(rotate(tokens.adminToken()));

        JsonNode list = json.readTree(mvc.perform(get(KEYS).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> kids = new ArrayList<>();
        list.get("keys").forEach(key -> kids.add(key.get("kid").asString()));
        assertThat(kids).contains(older, newer);
        assertThat(kids.get(0)).isEqualTo(newer);
        assertThat(list.get("keys").get(0).has("sealedPrivateKey")).isFalse();

        read("lk-19990101-000000").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:delms:problem:not-found"));
    }

    @Test
    void aRevocationNeedsAReasonOfAtMost500Characters() throws Exception {
        String retired = kidOf(rotate(tokens.adminToken()));
        rotate(tokens.adminToken());

        for (String body : new String[] {"{}", "{\"reason\":\"  \"}", "{\"reason\":\"" + "x".repeat(501) + "\"}"}) {
            revoke(tokens.adminToken(), retired, body).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("reason"));
        }
        read(retired).andExpect(jsonPath("$.status").value("RETIRED"));
    }

    @Test
    void theActiveKeyCannotBeRevokedTheProblemSaysToRotateFirst() throws Exception {
        String active = kidOf(rotate(tokens.adminToken()));

        revoke(tokens.adminToken(), active, "{\"reason\":\"leaked\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:delms:problem:conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("rotate first")))
                .andExpect(jsonPath("$.kid").value(active))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        read(active).andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void aRetiredKeyIsRevokedForGoodAndVerifiersSeeItRevoked() throws Exception {
        String retired = kidOf(rotate(tokens.adminToken()));
        String active = kidOf(rotate(tokens.adminToken()));

        revoke(tokens.adminToken(), retired, "{\"reason\":\"backup tape lost\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.revokedBy").value("alice"))
                .andExpect(jsonPath("$.revocationReason").value("backup tape lost"))
                .andExpect(jsonPath("$.revokedAt").isNotEmpty());

        JsonNode published = publishedKey(retired);
        assertThat(published.get("status").asString()).isEqualTo("REVOKED");
        assertThat(Instant.parse(published.get("revokedAt").asString())).isNotNull();
        assertThat(signer.publicKey(retired)).isEmpty();
        assertThat(signer.publicKey(active)).isPresent();

        revoke(tokens.adminToken(), retired, "{\"reason\":\"another reason\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("revoked already")))
                .andExpect(jsonPath("$.status").value("REVOKED"));
        read(retired).andExpect(jsonPath("$.revocationReason").value("backup tape lost"));
        revoke(tokens.adminToken(), "lk-19990101-000000", "{\"reason\":\"unknown\"}").andExpect(status().isNotFound());
    }

    @Test
    void thePublicDocumentIsAnonymousShapedAsTheContractAndItsKeyVerifiesTheSignersSignatures() throws Exception {
        rotate(tokens.adminToken());
        byte[] file = bytes("{\"licenseId\":\"ENT-202612-000001\",\"users\":200}");
        LicenseSignature signature = signer.sign(file);

        MockHttpServletResponse response = mvc.perform(get(PUBLIC))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("Cache-Control", "max-age=300, public"))
                .andReturn().getResponse();
        JsonNode document = json.readTree(response.getContentAsString());
        assertThat(document.propertyNames()).containsExactly("keys");
        for (JsonNode key : document.get("keys")) {
            assertThat(key.propertyNames()).containsExactly("kty", "crv", "alg", "use", "kid", "x", "status",
                    "createdAt", "retiredAt", "revokedAt");
            assertThat(key.get("kid").asString()).matches("[A-Za-z0-9._-]{1,64}");
            assertThat(key.get("status").asString()).isIn("ACTIVE", "RETIRED", "REVOKED");
        }
        JsonNode key = publishedKey(signature.kid());
        assertThat(key.get("kty").asString()).isEqualTo("OKP");
        assertThat(key.get("crv").asString()).isEqualTo("Ed25519");
        assertThat(key.get("alg").asString()).isEqualTo("EdDSA");
        assertThat(key.get("use").asString()).isEqualTo("sig");
        assertThat(key.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(key.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(key.get("retiredAt").isNull()).isTrue();
        assertThat(key.get("revokedAt").isNull()).isTrue();

        // what an offline verifier does with x: only the JDK
        String x = key.get("x").asString();
        assertThat(x).doesNotContain("=", "+", "/");
        PublicKey publicKey = publicKeyOf(Base64.getUrlDecoder().decode(x));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(file);
        assertThat(verifier.verify(signature.signature())).isTrue();
        verifier.initVerify(publicKey);
        verifier.update(bytes("{\"licenseId\":\"ENT-202612-000001\",\"users\":2000}"));
        assertThat(verifier.verify(signature.signature())).as("an altered file").isFalse();
        assertThat(signer.publicKey(signature.kid())).contains(publicKey);
    }

    @Test
    void thePublicDocumentIsRevalidatedByItsEtagWhichChangesWithARotation() throws Exception {
        rotate(tokens.adminToken());
        String etag = mvc.perform(get(PUBLIC)).andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");

        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        mvc.perform(get(PUBLIC).header("If-None-Match", etag)).andExpect(status().isNotModified());
        rotate(tokens.adminToken());
        String changed = mvc.perform(get(PUBLIC).header("If-None-Match", etag)).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("ETag");
        assertThat(changed).isNotEqualTo(etag);
    }

    @Test
    void onlyAdminsManageKeysEveryoneElseIsRefusedAndNothingChanges() throws Exception {
        String retired = kidOf(rotate(tokens.adminToken()));
        rotate(tokens.adminToken());
        int keysBefore = keyCount();

        for (String token : new String[] {tokens.salesToken(), tokens.engineerToken(), tokens.partnerToken("acme")}) {
            mvc.perform(get(KEYS).header("Authorization", bearer(token))).andExpect(status().isForbidden());
            read(retired, token).andExpect(status().isForbidden());
            rotate(token).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            revoke(token, retired, "{\"reason\":\"not mine to revoke\"}").andExpect(status().isForbidden());
            // the public document is for everyone, with a token or without
            mvc.perform(get(PUBLIC).header("Authorization", bearer(token))).andExpect(status().isOk());
        }
        mvc.perform(get(KEYS)).andExpect(status().isUnauthorized());
        mvc.perform(post(KEYS)).andExpect(status().isUnauthorized());
        mvc.perform(post(KEYS + "/" + retired + "/revoke").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"anonymous\"}")).andExpect(status().isUnauthorized());

        assertThat(keyCount()).isEqualTo(keysBefore);
        read(retired).andExpect(jsonPath("$.status").value("RETIRED"));
    }

    @Test
    void thePrivateKeyIsStoredOnlyEncryptedWithTheKeyEncryptionKey() throws Exception {
        String kid = kidOf(rotate(tokens.adminToken()));
        byte[] stored = jdbc.queryForObject("select sealed_private_key from license_signing_key where kid = ?",
                byte[].class, kid);
        String fingerprint = jdbc.queryForObject("select kek_fingerprint from license_signing_key where kid = ?",
                String.class, kid);
        byte[] rawPublicKey = jdbc.queryForObject("select public_key from license_signing_key where kid = ?",
                byte[].class, kid);

        // opened as only a holder of the KEK can: it is the PKCS#8 private key of the published public key
        KeyEncryptionKey kek = KeyEncryptionKey.fromBase64("kek", keyEncryptionKey);
        assertThat(fingerprint).isEqualTo(kek.fingerprint());
        byte[] pkcs8 = kek.open(stored, kid);
        Signature signing = Signature.getInstance("Ed25519");
        signing.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(pkcs8)));
        signing.update(bytes("probe"));
        Signature verifying = Signature.getInstance("Ed25519");
        verifying.initVerify(publicKeyOf(rawPublicKey));
        verifying.update(bytes("probe"));
        assertThat(verifying.verify(signing.sign())).isTrue();

        byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
        assertThat(indexOf(stored, pkcs8)).as("the PKCS#8 encoding in the column").isNegative();
        assertThat(indexOf(stored, seed)).as("the raw private key in the column").isNegative();
    }

    @Test
    void concurrentRotationsWaitForEachOtherAndLeaveExactlyOneActiveKey() throws Exception {
        int rotations = 6;
        double retriesBefore = lockRetries();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(rotations);
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < rotations; i++) {
                Callable<MockHttpServletResponse> rotation = () -> {
                    start.await();
                    return rotate(tokens.adminToken()).andReturn().getResponse();
                };
                answers.add(threads.submit(rotation));
            }
            start.countDown();
            Set<String> made = new HashSet<>();
            for (Future<MockHttpServletResponse> answer : answers) {
                MockHttpServletResponse response = answer.get();
                assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
                made.add(json.readTree(response.getContentAsString()).get("kid").asString());
            }

            assertThat(made).hasSize(rotations);
            List<String> active = activeKeys();
            assertThat(active).hasSize(1);
            assertThat(made).contains(active.get(0));
            made.remove(active.get(0));
            for (String kid : made) {
                read(kid).andExpect(jsonPath("$.status").value("RETIRED"));
            }
            // they queued on the rotation lock: none met a deadlock and had to be run again
            assertThat(lockRetries()).isEqualTo(retriesBefore);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRotationRepeatedWithTheSameIdempotencyKeyMakesOneKey() throws Exception {
        String key = "rotate-" + System.nanoTime();
        String first = kidOf(mvc.perform(post(KEYS).header("Authorization", bearer(tokens.adminToken()))
                .header("Idempotency-Key", key)).andExpect(status().isCreated()));
        int keys = keyCount();

        mvc.perform(post(KEYS).header("Authorization", bearer(tokens.adminToken())).header("Idempotency-Key", key))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.kid").value(first));
        assertThat(keyCount()).isEqualTo(keys);
    }

    @Test
    void aFreshSystemSignsWithAFirstKeyItMakesOnceEvenForConcurrentSignatures() throws Exception {
        jdbc.update("delete from license_signing_key");
        int signers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(signers);
        List<Future<LicenseSignature>> signatures = new ArrayList<>();
        try {
            for (int i = 0; i < signers; i++) {
                signatures.add(threads.submit(() -> {
                    start.await();
                    return signer.sign(bytes("the first license file"));
                }));
            }
            start.countDown();
            Set<String> kids = new HashSet<>();
            for (Future<LicenseSignature> signature : signatures) {
                kids.add(signature.get().kid());
            }

            assertThat(kids).hasSize(1);
            assertThat(activeKeys()).containsExactlyElementsOf(kids);
            assertThat(keyCount()).isEqualTo(1);
            read(kids.iterator().next()).andExpect(jsonPath("$.createdBy").value("system"));
        } finally {
            threads.shutdownNow();
        }
    }

    private ResultActions rotate(String token) throws Exception {
        return mvc.perform(post(KEYS).header("Authorization", bearer(token)));
    }

    private ResultActions revoke(String token, String kid, String body) throws Exception {
        return mvc.perform(post(KEYS + "/" + kid + "/revoke").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions read(String kid) throws Exception {
        return read(kid, tokens.adminToken());
    }

    private ResultActions read(String kid, String token) throws Exception {
        return mvc.perform(get(KEYS + "/" + kid).header("Authorization", bearer(token)));
    }

    private String kidOf(ResultActions result) throws Exception {
        return json.readTree(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("kid").asString();
    }

    private JsonNode publishedKey(String kid) throws Exception {
        JsonNode document = json.readTree(mvc.perform(get(PUBLIC)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        for (JsonNode key : document.get("keys")) {
            if (key.get("kid").asString().equals(kid)) {
                return key;
            }
        }
        throw new AssertionError(kid + " is not in the public keys document: " + document);
    }

    private double lockRetries() {
        Counter retries = meters.find(LockContentionRetry.RETRIES_METRIC).counter();
        return retries == null ? 0 : retries.count();
    }

    private List<String> activeKeys() {
        return jdbc.queryForList("select kid from license_signing_key where status = 'ACTIVE'", String.class);
    }

    private int keyCount() {
        return jdbc.queryForObject("select count(*) from license_signing_key", Integer.class);
    }

    private List<String> auditedActions(String kid) {
        return jdbc.queryForList("select concat(action, ' by ', actor_username) from audit_log "
                + "where entity_type = 'SigningKey' and entity_id = ? order by id", String.class, kid);
    }

    private static PublicKey publicKeyOf(byte[] raw) throws Exception {
        assertThat(raw).hasSize(32);
        byte[] encoded = Arrays.copyOf(X509_HEADER, X509_HEADER.length + raw.length);
        System.arraycopy(raw, 0, encoded, X509_HEADER.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
