package ai.dify.delms.license.airgap;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.license.license.LicenseTestClient;
import ai.dify.delms.licensefile.usage.InstanceKey;
import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestResellers;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Air-gapped instances and their usage reports through the API, with reports made the way a site
 * makes them (the verifier library's usage log and export): what is recorded, and every way a report
 * is refused without recording anything.
 */
@DelmsServiceTest
class UsageReportImportApiIT {

    private static final String LICENSES = "/api/v1/licenses/";
    private static final String PARTNER_LICENSES = "/api/partner/v1/licenses/";
    private static final String USAGE_REPORTED = "delms.license.usage-reported.v1";
    private static final String UNKNOWN_ID = "ENT-209912-999999";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID ACME_ID = UUID.randomUUID();
    private static final UUID GLOBEX_ID = UUID.randomUUID();
    /** Reseller codes of this class alone: a code two active resellers share maps partners to neither (decision 23). */
    private static final String ACME = "import-acme";
    private static final String GLOBEX = "import-globex";

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
    @TempDir
    Path sites;

    private LicenseTestClient api;
    private String customerId;
    private final Instant days3Ago = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void customer() {
        api = new LicenseTestClient(mvc);
        customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
    }

    @Test
    void anImportedReportIsRecordedAsUsageWithTheEffectsOfAnOnlineReport() throws Exception {
        String id = license();
        AirGappedSite site = site(id);
        JsonNode instance = body(register(tokens.engineerToken(), id, "Plant 7", site.key.publicKeyText())
                .andExpect(status().isCreated()));
        assertThat(instance.get("keyId").asString()).isEqualTo(InstanceKey.keyIdOf(site.key.publicKey()));
        assertThat(instance.get("active").asBoolean()).isTrue();
        assertThat(instance.get("registeredBy").asString()).isEqualTo("erin");
        assertThat(instance.get("lastSeq").isNull()).isTrue();
        site.record(4, 120, days3Ago).record(6, 150, days3Ago.plus(Duration.ofDays(1)))
                .record(8, 250, days3Ago.plus(Duration.ofDays(2)));

        importReport(tokens.engineerToken(), id, site.export(1)).andExpect(status().isOk())
                .andExpect(jsonPath("$.instanceId").value(instance.get("id").asString()))
                .andExpect(jsonPath("$.instanceKeyId").value(site.key.keyId()))
                .andExpect(jsonPath("$.entriesAccepted").value(3))
                .andExpect(jsonPath("$.firstSeq").value(1))
                .andExpect(jsonPath("$.lastSeq").value(3))
                .andExpect(jsonPath("$.latestUsage.users").value(250))
                .andExpect(jsonPath("$.latestUsage.reportedAt").value(days3Ago.plus(Duration.ofDays(2)).toString()))
                .andExpect(jsonPath("$.licenseStatus").value("IN_USE"))
                .andExpect(jsonPath("$.overused").value(true));

        JsonNode license = api.readBody(tokens.adminToken(), id);
        assertThat(license.get("status").asString()).isEqualTo("IN_USE");
        assertThat(license.get("usage").get("users").asInt()).isEqualTo(250);
        assertThat(license.get("overused").asBoolean()).isTrue();
        api.usage(tokens.adminToken(), id).andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.content[0].users").value(250))
                .andExpect(jsonPath("$.content[0].reportedAt").value(days3Ago.plus(Duration.ofDays(2)).toString()))
                .andExpect(jsonPath("$.content[0].source").value("OFFLINE_IMPORT"))
                .andExpect(jsonPath("$.content[0].chainSeq").value(3))
                .andExpect(jsonPath("$.content[0].instanceId").value(instance.get("id").asString()))
                .andExpect(jsonPath("$.content[0].reportedBy").value("erin"));
        assertThat(timelineKinds(id)).contains("FIRST_USE", "OVERUSE_STARTED", "USAGE_IMPORTED");
        instances(tokens.salesToken(), id).andExpect(status().isOk()).andExpect(jsonPath("$[0].lastSeq").value(3));
        // each entry is published like an online report: alert-service raises the overuse alert from it
        kafka.awaitRecord("delms.licenses", r -> id.equals(r.key()) && r.value().contains(USAGE_REPORTED)
                && r.value().contains("\"users\":250"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> usageEvents(id) == 3);
    }

    @Test
    void theSameReportAgainIsAReplayAndAContinuedChainAddsOnlyTheNewEntries() throws Exception {
        String id = license();
        AirGappedSite site = registeredSite(id);
        site.record(1, 10, days3Ago).record(2, 20, days3Ago.plusSeconds(60));
        String first = site.export(1);
        importReport(tokens.engineerToken(), id, first).andExpect(status().isOk());

        refused(importReport(tokens.engineerToken(), id, first), 409, "replay")
                .andExpect(jsonPath("$.lastAcceptedSeq").value(2))
                .andExpect(jsonPath("$.detail", containsString("accepted before")));
        api.usage(tokens.adminToken(), id).andExpect(jsonPath("$.page.totalElements").value(2));

        site.record(3, 30, days3Ago.plusSeconds(120)).record(4, 40, days3Ago.plusSeconds(180));
        importReport(tokens.adminToken(), id, site.export(1)).andExpect(status().isOk())
                .andExpect(jsonPath("$.entriesAccepted").value(2))
                .andExpect(jsonPath("$.firstSeq").value(3))
                .andExpect(jsonPath("$.lastSeq").value(4));
        api.usage(tokens.adminToken(), id).andExpect(jsonPath("$.page.totalElements").value(4));
        refused(importReport(tokens.engineerToken(), id, site.export(3)), 409, "replay");
    }

    @Test
    void aReportThatSkipsEntriesIsAGapNamingWhereToExportFrom() throws Exception {
        String id = license();
        AirGappedSite site = registeredSite(id);
        site.record(1, 10, days3Ago).record(1, 11, days3Ago.plusSeconds(60));
        importReport(tokens.engineerToken(), id, site.export(1)).andExpect(status().isOk());
        site.record(1, 12, days3Ago.plusSeconds(120)).record(1, 13, days3Ago.plusSeconds(180));

        refused(importReport(tokens.engineerToken(), id, site.export(4)), 409, "gap")
                .andExpect(jsonPath("$.seq").value(4))
                .andExpect(jsonPath("$.lastAcceptedSeq").value(2))
                .andExpect(jsonPath("$.detail", containsString("--from-seq 3")));
        api.usage(tokens.adminToken(), id).andExpect(jsonPath("$.page.totalElements").value(2));
    }

    @Test
    void aChangedReportIsRefusedWithWhereAndNothingIsRecorded() throws Exception {
        String id = license();
        AirGappedSite site = registeredSite(id);
        site.record(3, 30, days3Ago).record(3, 31, days3Ago.plusSeconds(60)).record(3, 32, days3Ago.plusSeconds(120));
        String report = site.export(1);

        // changed in transit: the signature no longer matches
        String lowered = report.replace("\"users\":32", "\"users\":12");
        refused(importReport(tokens.engineerToken(), id, lowered), 422, "bad-signature");
        // changed by the site itself and signed again: the chain no longer matches
        String forged = site.resigned(report, lines -> {
            lines.set(3, lines.get(3).replace("\"users\":31", "\"users\":1"));
            return lines;
        });
        refused(importReport(tokens.engineerToken(), id, forged), 422, "chain-broken")
                .andExpect(jsonPath("$.seq").value(2));
        // an entry left out
        String shortened = site.resigned(report, lines -> {
            lines.remove(3);
            return lines;
        });
        refused(importReport(tokens.engineerToken(), id, shortened), 422, "out-of-order");
        refused(importReport(tokens.engineerToken(), id, "hello\n"), 422, "malformed")
                .andExpect(jsonPath("$.line").value(1));
        refused(importReport(tokens.engineerToken(), id, report.replace("\n", "\r\n")), 422, "malformed");
        refused(importReport(tokens.engineerToken(), id, ""), 422, "malformed");

        api.usage(tokens.adminToken(), id).andExpect(jsonPath("$.page.totalElements").value(0));
        assertThat(api.readBody(tokens.adminToken(), id).get("status").asString()).isEqualTo("CREATED");
        assertThat(timelineKinds(id)).doesNotContain("USAGE_IMPORTED", "FIRST_USE");
        instances(tokens.adminToken(), id).andExpect(jsonPath("$[0].lastSeq").isEmpty());
        importReport(tokens.engineerToken(), id, report).andExpect(status().isOk());
    }

    @Test
    void aReportOfAnotherLicenseOrOfAnUnregisteredInstanceIsRefused() throws Exception {
        String id = license();
        String other = license();
        AirGappedSite site = registeredSite(id);
        site.record(1, 5, days3Ago);
        String report = site.export(1);
        // a site of the other license whose key was registered on this one only
        AirGappedSite stray = site(other);
        register(tokens.engineerToken(), id, "stray", stray.key.publicKeyText()).andExpect(status().isCreated());
        stray.record(1, 5, days3Ago);

        refused(importReport(tokens.engineerToken(), other, report), 422, "wrong-license");
        refused(importReport(tokens.engineerToken(), other, stray.export(1)), 422, "wrong-instance")
                .andExpect(jsonPath("$.instanceKeyId").value(stray.key.keyId()));
        refused(importReport(tokens.engineerToken(), id, stray.export(1)), 422, "wrong-license");
        api.usage(tokens.adminToken(), other).andExpect(jsonPath("$.page.totalElements").value(0));
        api.usage(tokens.adminToken(), id).andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void aDeactivatedInstanceImportsNothingMore() throws Exception {
        String id = license();
        AirGappedSite site = site(id);
        String instanceId = body(register(tokens.adminToken(), id, "old rack", site.key.publicKeyText())).get("id").asString();
        site.record(1, 5, days3Ago);

        deactivate(tokens.engineerToken(), id, instanceId).andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.deactivatedBy").value("erin"));
        deactivate(tokens.adminToken(), id, instanceId).andExpect(status().isConflict());
        refused(importReport(tokens.engineerToken(), id, site.export(1)), 409, "instance-deactivated");
        api.usage(tokens.adminToken(), id).andExpect(jsonPath("$.page.totalElements").value(0));
        // its key stays taken on the license
        register(tokens.adminToken(), id, "again", site.key.publicKeyText()).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        deactivate(tokens.adminToken(), id, UUID.randomUUID().toString()).andExpect(status().isNotFound());
    }

    @Test
    void registrationNamesAnInvalidKeyAndRefusesAKeyTwice() throws Exception {
        String id = license();
        AirGappedSite site = site(id);

        for (String key : List.of("not a key", "AAAA", site.key.publicKeyText() + "=")) {
            register(tokens.adminToken(), id, "rack", key).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("publicKey"));
        }
        register(tokens.adminToken(), id, " ", site.key.publicKeyText()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        register(tokens.adminToken(), id, "rack", site.key.publicKeyText()).andExpect(status().isCreated());
        register(tokens.engineerToken(), id, "rack again", site.key.publicKeyText()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.instanceKeyId").value(site.key.keyId()));
        register(tokens.adminToken(), UNKNOWN_ID, "rack", site.key.publicKeyText()).andExpect(status().isNotFound());
        instances(tokens.engineerToken(), id).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void anEntryOlderThanTheLatestUsageJoinsTheHistoryWithoutReplacingIt() throws Exception {
        String id = license();
        AirGappedSite site = registeredSite(id);
        api.reportUsage(tokens.engineerToken(), id, Map.of("workspaces", 2, "users", 20)).andExpect(status().isCreated());
        site.record(9, 999, days3Ago);

        importReport(tokens.engineerToken(), id, site.export(1)).andExpect(status().isOk())
                .andExpect(jsonPath("$.overused").value(false));

        JsonNode usage = api.readBody(tokens.adminToken(), id).get("usage");
        assertThat(usage.get("users").asInt()).isEqualTo(20);
        api.usage(tokens.adminToken(), id).andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[1].users").value(999));
    }

    @Test
    void onlyAdminsAndEngineersRegisterAndImport() throws Exception {
        String id = license();
        AirGappedSite site = registeredSite(id);
        site.record(1, 1, days3Ago);

        register(tokens.salesToken(), id, "rack", InstanceKey.generate().publicKeyText()).andExpect(status().isForbidden());
        importReport(tokens.salesToken(), id, site.export(1)).andExpect(status().isForbidden());
        importReport(tokens.partnerToken(ACME), id, site.export(1)).andExpect(status().isForbidden());
        mvc.perform(post(LICENSES + id + "/usage-reports/import").contentType(MediaType.TEXT_PLAIN)
                .content(site.export(1))).andExpect(status().isUnauthorized());
        instances(tokens.salesToken(), id).andExpect(status().isOk());
        api.usage(tokens.adminToken(), id).andExpect(jsonPath("$.page.totalElements").value(0));
        // the file's own type, application/octet-stream, is taken as well
        mvc.perform(post(LICENSES + id + "/usage-reports/import").header("Authorization", bearer(tokens.engineerToken()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).content(site.export(1).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk());
    }

    @Test
    void partnersImportForTheirResellersLicensesOnly() throws Exception {
        TestResellers.created(kafka, ACME_ID, ACME);
        TestResellers.created(kafka, GLOBEX_ID, GLOBEX);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> directory.reseller(ACME_ID).isPresent()
                && directory.reseller(GLOBEX_ID).isPresent());
        String acmeLicense = api.create(tokens.adminToken(), aLicenseFor(customerId).with("resellerId", ACME_ID.toString()));
        String globexLicense = api.create(tokens.adminToken(), aLicenseFor(customerId).with("resellerId", GLOBEX_ID.toString()));
        String acme = tokens.partnerToken(ACME);
        AirGappedSite acmeSite = site(acmeLicense);
        AirGappedSite globexSite = site(globexLicense);

        mvc.perform(post(PARTNER_LICENSES + acmeLicense + "/instances").header("Authorization", bearer(acme))
                .contentType(MediaType.APPLICATION_JSON).content(LicenseTestClient.json(Map.of("name", "acme site",
                        "publicKey", acmeSite.key.publicKeyText()))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.keyId").value(acmeSite.key.keyId()))
                .andExpect(jsonPath("$.registeredBy").isEmpty());
        acmeSite.record(3, 33, days3Ago);
        mvc.perform(post(PARTNER_LICENSES + acmeLicense + "/usage-reports/import").header("Authorization", bearer(acme))
                .contentType(MediaType.TEXT_PLAIN).content(acmeSite.export(1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.entriesAccepted").value(1));
        api.usage(tokens.adminToken(), acmeLicense).andExpect(jsonPath("$.content[0].reportedBy")
                .value("service-account-partner-" + ACME));
        mvc.perform(get(PARTNER_LICENSES + acmeLicense + "/instances").header("Authorization", bearer(acme)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].lastSeq").value(1));

        // another reseller's license: as unknown as an id that does not exist, and nothing is written
        register(tokens.adminToken(), globexLicense, "globex site", globexSite.key.publicKeyText());
        globexSite.record(1, 1, days3Ago);
        String foreign = partnerImport(acme, globexLicense, globexSite.export(1));
        String unknown = partnerImport(acme, UNKNOWN_ID, globexSite.export(1));
        assertThat(foreign.replace(globexLicense, "<id>")).isEqualTo(unknown.replace(UNKNOWN_ID, "<id>"));
        mvc.perform(post(PARTNER_LICENSES + globexLicense + "/instances").header("Authorization", bearer(acme))
                .contentType(MediaType.APPLICATION_JSON).content(LicenseTestClient.json(Map.of("name", "x",
                        "publicKey", InstanceKey.generate().publicKeyText()))))
                .andExpect(status().isNotFound());
        mvc.perform(get(PARTNER_LICENSES + globexLicense + "/instances").header("Authorization", bearer(acme)))
                .andExpect(status().isNotFound());
        api.usage(tokens.adminToken(), globexLicense).andExpect(jsonPath("$.page.totalElements").value(0));
        instances(tokens.adminToken(), globexLicense).andExpect(jsonPath("$.length()").value(1));

        // a partner whose reseller the directory does not know owns nothing: never taken for staff
        String stranger = tokens.partnerToken("import-stranger");
        globexSite.record(1, 2, days3Ago.plusSeconds(60));
        partnerImport(stranger, globexLicense, globexSite.export(1));
        mvc.perform(post(PARTNER_LICENSES + globexLicense + "/instances").header("Authorization", bearer(stranger))
                .contentType(MediaType.APPLICATION_JSON).content(LicenseTestClient.json(Map.of("name", "x",
                        "publicKey", InstanceKey.generate().publicKeyText()))))
                .andExpect(status().isNotFound());
        mvc.perform(get(PARTNER_LICENSES + globexLicense + "/instances").header("Authorization", bearer(stranger)))
                .andExpect(status().isNotFound());
        String globexInstance = body(instances(tokens.adminToken(), globexLicense)).get(0).get("id").asString();
        mvc.perform(post(PARTNER_LICENSES + globexLicense + "/instances/" + globexInstance + "/deactivate")
                .header("Authorization", bearer(stranger))).andExpect(status().isNotFound());
        api.usage(tokens.adminToken(), globexLicense).andExpect(jsonPath("$.page.totalElements").value(0));
        instances(tokens.adminToken(), globexLicense).andExpect(jsonPath("$[0].active").value(true));
    }

    @Test
    void concurrentImportsOfOneReportRecordItOnce() throws Exception {
        String id = license();
        AirGappedSite site = registeredSite(id);
        for (int i = 0; i < 5; i++) {
            site.record(1, 10 + i, days3Ago.plusSeconds(60L * i));
        }
        String report = site.export(1);
        int imports = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(imports);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (int i = 0; i < imports; i++) {
                Callable<MockHttpServletResponse> attempt = () -> {
                    start.await();
                    return importReport(tokens.engineerToken(), id, report).andReturn().getResponse();
                };
                answers.add(threads.submit(attempt));
            }
            start.countDown();
            for (Future<MockHttpServletResponse> answer : answers) {
                MockHttpServletResponse response = answer.get();
                statuses.add(response.getStatus());
                if (response.getStatus() == 409) {
                    assertThat(response.getContentAsString()).contains("urn:delms:problem:usage-report-replay");
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        api.usage(tokens.adminToken(), id).andExpect(jsonPath("$.page.totalElements").value(5));
        assertThat(timelineKinds(id).stream().filter("USAGE_IMPORTED"::equals)).hasSize(1);
    }

    private String license() throws Exception {
        return api.create(tokens.adminToken(), aLicenseFor(customerId).with("authorizedUsers", 200));
    }

    private AirGappedSite site(String licenseId) {
        return new AirGappedSite(sites.resolve(UUID.randomUUID().toString()), licenseId);
    }

    private AirGappedSite registeredSite(String licenseId) throws Exception {
        AirGappedSite site = site(licenseId);
        register(tokens.adminToken(), licenseId, "site " + site.key.keyId(), site.key.publicKeyText())
                .andExpect(status().isCreated());
        return site;
    }

    private ResultActions register(String token, String id, String name, String publicKey) throws Exception {
        return mvc.perform(post(LICENSES + id + "/instances").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(LicenseTestClient.json(Map.of("name", name,
                        "publicKey", publicKey))));
    }

    private ResultActions deactivate(String token, String id, String instanceId) throws Exception {
        return mvc.perform(post(LICENSES + id + "/instances/" + instanceId + "/deactivate")
                .header("Authorization", bearer(token)));
    }

    private ResultActions instances(String token, String id) throws Exception {
        return mvc.perform(get(LICENSES + id + "/instances").header("Authorization", bearer(token)));
    }

    private ResultActions importReport(String token, String id, String report) throws Exception {
        return mvc.perform(post(LICENSES + id + "/usage-reports/import").header("Authorization", bearer(token))
                .contentType(MediaType.TEXT_PLAIN).content(report.getBytes(StandardCharsets.UTF_8)));
    }

    private String partnerImport(String token, String id, String report) throws Exception {
        return mvc.perform(post(PARTNER_LICENSES + id + "/usage-reports/import").header("Authorization", bearer(token))
                .contentType(MediaType.TEXT_PLAIN).content(report)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
    }

    private static ResultActions refused(ResultActions result, int status, String reason) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:delms:problem:usage-report-" + reason));
    }

    private List<String> timelineKinds(String id) throws Exception {
        List<String> kinds = new ArrayList<>();
        api.body(api.timeline(tokens.adminToken(), id)).forEach(entry -> kinds.add(entry.get("type").asString()));
        return kinds;
    }

    private long usageEvents(String id) {
        return kafka.records("delms.licenses").stream()
                .filter(r -> id.equals(r.key()) && r.value().contains(USAGE_REPORTED)).count();
    }

    private static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
