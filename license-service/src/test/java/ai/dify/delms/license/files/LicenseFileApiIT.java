package ai.dify.delms.license.files;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.license.expiry.internal.LicenseExpiryJob;
import ai.dify.delms.license.license.LicenseTestClient;
import ai.dify.delms.license.license.NewLicenseBuilder;
import ai.dify.delms.licensefile.license.LastSeenTimeStore;
import ai.dify.delms.licensefile.license.LicenseFile;
import ai.dify.delms.licensefile.license.LicenseKeys;
import ai.dify.delms.licensefile.license.LicenseTerms;
import ai.dify.delms.licensefile.license.LicenseVerdict;
import ai.dify.delms.licensefile.license.LicenseVerification;
import ai.dify.delms.licensefile.license.LicenseVerifier;
import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestResellers;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * License files through the API, checked as a customer's product checks them: with the verifier
 * library and the public keys document the service publishes.
 */
@DelmsServiceTest
class LicenseFileApiIT {

    private static final String LICENSES = "/api/v1/licenses/";
    private static final String PARTNER_LICENSES = "/api/partner/v1/licenses/";
    private static final String FILE_ISSUED = "delms.license.file-issued.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID ACME_ID = UUID.randomUUID();
    private static final UUID GLOBEX_ID = UUID.randomUUID();
    /** Reseller codes of this class alone: a code two active resellers share maps partners to neither (decision 23). */
    private static final String ACME = "files-acme";
    private static final String GLOBEX = "files-globex";
    private static final String UNKNOWN_ID = "ENT-209912-999999";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KnownCustomers knownCustomers;
    @Autowired
    SalesDirectory directory;
    @Autowired
    LicenseExpiryJob expiryJob;

    private LicenseTestClient api;
    private UUID customerId;

    @BeforeEach
    void customer() {
        api = new LicenseTestClient(mvc);
        customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer();
    }

    @Test
    void theFileStatesTheLicenseAndVerifiesWithThePublicKeysDocument() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId.toString()).with("authorizedWorkspaces", 12)
                .with("authorizedUsers", 345));

        MockHttpServletResponse response = download(tokens.engineerToken(), id)
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/plain;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + id + ".lic\""))
                .andExpect(header().string("DELMS-License-File-Serial", "LF-" + id + "-1"))
                .andReturn().getResponse();
        byte[] file = response.getContentAsByteArray();

        LicenseVerification verification = verify(file);
        assertThat(verification.verdict()).as(verification.message()).isEqualTo(LicenseVerdict.VALID);
        LicenseTerms terms = verification.terms().orElseThrow();
        JsonNode license = api.readBody(tokens.adminToken(), id);
        assertThat(terms.licenseId()).isEqualTo(id);
        assertThat(terms.licenseVersion()).isEqualTo(license.get("version").asLong());
        assertThat(terms.fileSerial()).isEqualTo("LF-" + id + "-1");
        assertThat(terms.customerId()).isEqualTo(customerId);
        assertThat(terms.customerName()).isEqualTo("Customer " + customerId);
        assertThat(terms.productType()).isEqualTo("ENT");
        assertThat(terms.licenseType()).isEqualTo("SUBSCRIPTION");
        assertThat(terms.status()).isEqualTo("CREATED");
        assertThat(terms.authorizedWorkspaces()).isEqualTo(12);
        assertThat(terms.authorizedUsers()).isEqualTo(345);
        assertThat(terms.startDate()).isEqualTo(LocalDate.parse(license.get("startDate").asString()));
        assertThat(terms.expiryDate()).isEqualTo(LocalDate.parse(license.get("expiryDate").asString()));
        assertThat(terms.gracePeriodDays()).isEqualTo(30);
        String activeKid = LicenseFile.parse(file).keyId();
        assertThat(publicKeys().find(activeKid).orElseThrow().status().name()).isEqualTo("ACTIVE");

        // recorded once, on the timeline once, published once
        files(tokens.salesToken(), id).andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].fileSerial").value("LF-" + id + "-1"))
                .andExpect(jsonPath("$.content[0].licenseVersion").value(terms.licenseVersion()))
                .andExpect(jsonPath("$.content[0].keyId").value(activeKid))
                .andExpect(jsonPath("$.content[0].issuedBy").value("erin"));
        assertThat(timelineKinds(id).stream().filter("FILE_ISSUED"::equals)).hasSize(1);
        ConsumerRecord<String, String> event = kafka.awaitRecord("delms.licenses",
                r -> id.equals(r.key()) && r.value().contains(FILE_ISSUED));
        JsonNode data = JSON.readTree(event.value()).get("data");
        assertThat(data.get("fileSerial").asString()).isEqualTo("LF-" + id + "-1");
        assertThat(data.get("keyId").asString()).isEqualTo(activeKid);
        assertThat(data.get("version").asLong()).isEqualTo(terms.licenseVersion());
        assertThat(data.get("issuedBy").asString()).isEqualTo("erin");
    }

    @Test
    void aRepeatedDownloadOfTheSameTermsIsTheSameFileAndIssuesNothing() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId.toString()));
        byte[] first = downloaded(tokens.engineerToken(), id);

        byte[] again = downloaded(tokens.salesToken(), id);
        byte[] byAdmin = downloaded(tokens.adminToken(), id);

        assertThat(again).isEqualTo(first);
        assertThat(byAdmin).isEqualTo(first);
        files(tokens.adminToken(), id).andExpect(jsonPath("$.page.totalElements").value(1));
        assertThat(timelineKinds(id).stream().filter("FILE_ISSUED"::equals)).hasSize(1);
        kafka.awaitRecord("delms.licenses", r -> id.equals(r.key()) && r.value().contains(FILE_ISSUED));
        assertThat(issuedEventSerials(id)).containsExactly("LF-" + id + "-1");
    }

    @Test
    void changedTermsGetANewFileWithANewSerialAndTheNewVersion() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId.toString()));
        LicenseTerms before = verify(downloaded(tokens.engineerToken(), id)).terms().orElseThrow();

        api.patch(tokens.salesToken(), id, "{\"authorizedUsers\":900}", null).andExpect(status().isOk());
        LicenseTerms after = verify(downloaded(tokens.engineerToken(), id)).terms().orElseThrow();

        assertThat(after.fileSerial()).isEqualTo("LF-" + id + "-2");
        assertThat(after.licenseVersion()).isEqualTo(before.licenseVersion() + 1);
        assertThat(after.authorizedUsers()).isEqualTo(900);
        files(tokens.adminToken(), id).andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].fileSerial").value("LF-" + id + "-2"))
                .andExpect(jsonPath("$.content[1].fileSerial").value("LF-" + id + "-1"));
        // the second file is now the one handed out again
        assertThat(verify(downloaded(tokens.engineerToken(), id)).terms().orElseThrow().fileSerial())
                .isEqualTo("LF-" + id + "-2");
    }

    @Test
    void afterARotationANewFileIsSignedWithTheNewKeyTheOldOneVerifiesUntilItsKeyIsRevoked() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId.toString()));
        byte[] oldFile = downloaded(tokens.engineerToken(), id);
        String oldKid = LicenseFile.parse(oldFile).keyId();

        String newKid = kidOf(mvc.perform(post("/api/v1/license-keys").header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isCreated()));
        byte[] newFile = downloaded(tokens.engineerToken(), id);

        assertThat(LicenseFile.parse(newFile).keyId()).isEqualTo(newKid).isNotEqualTo(oldKid);
        assertThat(LicenseFile.parse(newFile).terms().fileSerial()).isEqualTo("LF-" + id + "-2");
        assertThat(verify(newFile).verdict()).isEqualTo(LicenseVerdict.VALID);
        assertThat(verify(oldFile).verdict()).as("a retired key still verifies").isEqualTo(LicenseVerdict.VALID);

        mvc.perform(post("/api/v1/license-keys/" + oldKid + "/revoke").header("Authorization", bearer(tokens.adminToken()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"test of revocation\"}"))
                .andExpect(status().isOk());
        assertThat(verify(oldFile).verdict()).isEqualTo(LicenseVerdict.KEY_REVOKED);
        assertThat(verify(newFile).verdict()).isEqualTo(LicenseVerdict.VALID);
        assertThat(downloaded(tokens.engineerToken(), id)).isEqualTo(newFile);
    }

    @Test
    void aSuspendedOrTerminatedLicenseGetsNoFileAndNothingIsRecorded() throws Exception {
        String suspended = api.create(tokens.adminToken(), aLicenseFor(customerId.toString()));
        api.transition(tokens.adminToken(), suspended, "SUSPENDED", "unpaid").andExpect(status().isOk());
        String terminated = api.create(tokens.adminToken(), aLicenseFor(customerId.toString()));
        api.transition(tokens.adminToken(), terminated, "TERMINATED", "contract ended").andExpect(status().isOk());

        download(tokens.engineerToken(), suspended).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:delms:problem:conflict"))
                .andExpect(jsonPath("$.licenseStatus").value("SUSPENDED"))
                .andExpect(jsonPath("$.detail", containsString("SUSPENDED")))
                .andExpect(jsonPath("$.detail", containsString("Reinstate it first")));
        download(tokens.adminToken(), terminated).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("TERMINATED")));

        for (String id : List.of(suspended, terminated)) {
            files(tokens.adminToken(), id).andExpect(jsonPath("$.page.totalElements").value(0));
            assertThat(timelineKinds(id)).doesNotContain("FILE_ISSUED");
            assertThat(issuedEventSerials(id)).isEmpty();
        }

        // reinstated, it gets its file
        api.transition(tokens.adminToken(), suspended, "CREATED", "paid").andExpect(status().isOk());
        assertThat(verify(downloaded(tokens.engineerToken(), suspended)).verdict()).isEqualTo(LicenseVerdict.VALID);
    }

    @Test
    void anExpiredLicenseGetsAFileThatSaysSo() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId.toString())
                .with("orderDate", today.minusDays(60).toString()).with("startDate", today.minusDays(60).toString())
                .with("expiryDate", today.minusDays(1).toString()));
        expiryJob.expireDue();
        api.read(tokens.adminToken(), id).andExpect(jsonPath("$.status").value("EXPIRED"));

        LicenseVerification verification = verify(downloaded(tokens.engineerToken(), id));

        assertThat(verification.verdict()).isEqualTo(LicenseVerdict.IN_GRACE);
        assertThat(verification.terms().orElseThrow().status()).isEqualTo("EXPIRED");
    }

    @Test
    void staffRolesDownloadPartnersAndAnonymousCallersCannotUseTheStaffPaths() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId.toString()));

        for (String token : List.of(tokens.adminToken(), tokens.salesToken(), tokens.engineerToken())) {
            download(token, id).andExpect(status().isOk());
            files(token, id).andExpect(status().isOk());
        }
        download(tokens.partnerToken(ACME), id).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        files(tokens.partnerToken(ACME), id).andExpect(status().isForbidden());
        mvc.perform(get(LICENSES + id + "/file")).andExpect(status().isUnauthorized());
        download(tokens.adminToken(), UNKNOWN_ID).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        files(tokens.adminToken(), UNKNOWN_ID).andExpect(status().isNotFound());
    }

    @Test
    void aPartnerDownloadsItsResellersFilesOnlyAnotherResellersLicenseIsAnUnknownId() throws Exception {
        TestResellers.created(kafka, ACME_ID, ACME);
        TestResellers.created(kafka, GLOBEX_ID, GLOBEX);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> directory.reseller(ACME_ID).isPresent()
                && directory.reseller(GLOBEX_ID).isPresent());
        String acmeLicense = licenseOf(ACME_ID);
        String globexLicense = licenseOf(GLOBEX_ID);
        String acme = bearer(tokens.partnerToken(ACME));

        MockHttpServletResponse own = mvc.perform(get(PARTNER_LICENSES + acmeLicense + "/file").header("Authorization", acme))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + acmeLicense + ".lic\""))
                .andReturn().getResponse();
        assertThat(verify(own.getContentAsByteArray()).verdict()).isEqualTo(LicenseVerdict.VALID);
        assertThat(downloaded(tokens.engineerToken(), acmeLicense)).as("the same file for staff")
                .isEqualTo(own.getContentAsByteArray());
        mvc.perform(get(PARTNER_LICENSES + acmeLicense + "/files").header("Authorization", acme))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].fileSerial").value("LF-" + acmeLicense + "-1"))
                .andExpect(jsonPath("$.content[0].issuedBy").doesNotExist());
        files(tokens.adminToken(), acmeLicense).andExpect(jsonPath("$.content[0].issuedBy")
                .value("service-account-partner-" + ACME));

        String foreign = notFound(PARTNER_LICENSES + globexLicense + "/file", acme);
        String unknown = notFound(PARTNER_LICENSES + UNKNOWN_ID + "/file", acme);
        assertThat(foreign.replace(globexLicense, "<id>")).isEqualTo(unknown.replace(UNKNOWN_ID, "<id>"));
        notFound(PARTNER_LICENSES + globexLicense + "/files", acme);
        // a partner whose reseller the directory does not know owns nothing
        notFound(PARTNER_LICENSES + globexLicense + "/file", bearer(tokens.partnerToken("files-stranger")));
        files(tokens.adminToken(), globexLicense).andExpect(jsonPath("$.page.totalElements").value(0));
        assertThat(issuedEventSerials(globexLicense)).isEmpty();
    }

    @Test
    void concurrentFirstDownloadsIssueOneFile() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId.toString()));
        int downloads = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(downloads);
        try {
            List<Future<byte[]>> answers = new ArrayList<>();
            for (int i = 0; i < downloads; i++) {
                Callable<byte[]> download = () -> {
                    start.await();
                    return downloaded(tokens.engineerToken(), id);
                };
                answers.add(threads.submit(download));
            }
            start.countDown();
            byte[] first = answers.get(0).get();
            for (Future<byte[]> answer : answers) {
                assertThat(answer.get()).isEqualTo(first);
            }
        } finally {
            threads.shutdownNow();
        }
        files(tokens.adminToken(), id).andExpect(jsonPath("$.page.totalElements").value(1));
        assertThat(timelineKinds(id).stream().filter("FILE_ISSUED"::equals)).hasSize(1);
    }

    private ResultActions download(String token, String id) throws Exception {
        return mvc.perform(get(LICENSES + id + "/file").header("Authorization", bearer(token)));
    }

    private byte[] downloaded(String token, String id) throws Exception {
        MockHttpServletResponse response = download(token, id).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsByteArray();
    }

    private ResultActions files(String token, String id) throws Exception {
        return mvc.perform(get(LICENSES + id + "/files").header("Authorization", bearer(token)));
    }

    private String notFound(String path, String authorization) throws Exception {
        return mvc.perform(get(path).header("Authorization", authorization)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString();
    }

    private String licenseOf(UUID resellerId) throws Exception {
        NewLicenseBuilder license = aLicenseFor(customerId.toString()).with("resellerId", resellerId.toString());
        return api.create(tokens.adminToken(), license);
    }

    /** The public keys document as a verifier downloads it, anonymously. */
    private LicenseKeys publicKeys() throws Exception {
        return LicenseKeys.parse(mvc.perform(get("/api/v1/license-keys/public")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private LicenseVerification verify(byte[] file) throws Exception {
        return new LicenseVerifier(publicKeys(), Clock.systemUTC(), LastSeenTimeStore.inMemory()).verify(file);
    }

    private List<String> timelineKinds(String id) throws Exception {
        JsonNode timeline = api.body(api.timeline(tokens.adminToken(), id).andExpect(status().isOk()));
        List<String> kinds = new ArrayList<>();
        timeline.forEach(entry -> kinds.add(entry.get("type").asString()));
        return kinds;
    }

    /**
     * The serials of the file-issued events of the license, waiting in the outbox or sent (a row may be
     * in both for a moment: it is deleted once Kafka acknowledged it).
     */
    private Set<String> issuedEventSerials(String id) {
        List<String> envelopes = new ArrayList<>(jdbc.queryForList(
                "select envelope from outbox_event where envelope like ? and envelope like ?", String.class,
                "%" + id + "%", "%" + FILE_ISSUED + "%"));
        kafka.records("delms.licenses").stream().filter(r -> id.equals(r.key()) && r.value().contains(FILE_ISSUED))
                .forEach(r -> envelopes.add(r.value()));
        Set<String> serials = new TreeSet<>();
        envelopes.forEach(envelope -> serials.add(JSON.readTree(envelope).get("data").get("fileSerial").asString()));
        return serials;
    }

    private static String kidOf(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString()).get("kid").asString();
    }
}
