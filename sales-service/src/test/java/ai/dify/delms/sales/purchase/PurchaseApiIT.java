package ai.dify.delms.sales.purchase;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import ai.dify.delms.platform.problem.InvalidFieldException;
import ai.dify.delms.platform.test.ApiChecks;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import ai.dify.delms.sales.SalesApi;
import ai.dify.delms.sales.licenseview.LicenseFeed;
import ai.dify.delms.sales.licenseview.TestLicenses;
import ai.dify.delms.sales.purchase.internal.PurchaseEvents;
import ai.dify.delms.sales.purchase.internal.PurchaseService;
import ai.dify.delms.sales.purchase.internal.PurchaseTerms;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class PurchaseApiIT {

    private static final String PURCHASES = "/api/v1/purchases";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    LicenseFeed feed;
    @Autowired
    PurchaseService purchases;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void listNeedsATokenAndAStaffRole() throws Exception {
        ApiChecks.staffReadablePagedList(mvc, tokens, PURCHASES);
    }

    @Test
    void renewalIsRecordedPublishedKeyedByLicenseAndMovesTheExpiry() throws Exception {
        UUID rep = api().rep("Renewal Rep");
        UUID reseller = api().reseller(SalesApi.uniqueCode("renew"));
        String license = licenses().created(TestLicenses.license().withRep(rep).withReseller(reseller));

        String body = asSales(post(PURCHASES).contentType(MediaType.APPLICATION_JSON).content(purchase(license, "RENEWAL")
                        .with("periodStart", "2041-01-01").with("periodEnd", "2042-01-01").with("amount", "1200.50")
                        .with("orderReference", "PO-1").json()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("http://localhost" + PURCHASES + "/")))
                .andExpect(jsonPath("$.licenseId").value(license))
                .andExpect(jsonPath("$.type").value("RENEWAL"))
                .andExpect(jsonPath("$.amount").value(1200.50))
                .andExpect(jsonPath("$.salesRepId").value(rep.toString()))
                .andExpect(jsonPath("$.resellerId").value(reseller.toString()))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();
        asEngineer(get(PURCHASES + "/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.periodEnd").value("2042-01-01"));

        ConsumerRecord<String, String> record = kafka.awaitRecord(PurchaseEvents.TOPIC,
                r -> r.value().contains(id));
        assertThat(record.key()).isEqualTo(license);
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("type").asString()).isEqualTo(PurchaseEvents.RECORDED);
        assertThat(event.get("subject").asString()).isEqualTo(id);
        JsonNode data = event.get("data");
        assertThat(data.get("id").asString()).isEqualTo(id);
        assertThat(data.get("licenseId").asString()).isEqualTo(license);
        assertThat(data.get("type").asString()).isEqualTo("RENEWAL");
        assertThat(data.get("purchaseDate").asString()).isEqualTo("2040-06-01");
        assertThat(data.get("amount").decimalValue()).isEqualByComparingTo("1200.50");
        assertThat(data.get("currency").asString()).isEqualTo("EUR");
        assertThat(data.get("periodStart").asString()).isEqualTo("2041-01-01");
        assertThat(data.get("periodEnd").asString()).isEqualTo("2042-01-01");
        assertThat(data.get("salesRepId").asString()).isEqualTo(rep.toString());
        assertThat(data.get("resellerId").asString()).isEqualTo(reseller.toString());
        assertThat(data.has("workspacesAfter")).isTrue();
        assertThat(data.has("usersAfter")).isTrue();
        assertThat(data.has("productTypeAfter")).isTrue();

        // the next renewal must go beyond the expiry this one set
        asSales(post(PURCHASES).contentType(MediaType.APPLICATION_JSON).content(purchase(license, "RENEWAL")
                        .with("periodEnd", "2041-12-31").json()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("periodEnd"));
    }

    @Test
    void aLicenseIdOfAnotherShapeIs400AndRecordsNothing() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from purchase", Integer.class);
        for (String notALicenseId : new String[] {"fu\u0000zz", "a\r\nb", "ent-202503-123456", "ENT-202503-1234567"}) {
            asSales(post(PURCHASES).contentType(MediaType.APPLICATION_JSON)
                            .content(purchase(notALicenseId, "RENEWAL").with("periodEnd", "2044-01-01").json()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("licenseId"));
        }
        assertThat(jdbc.queryForObject("select count(*) from purchase", Integer.class)).isEqualTo(before);
    }

    @Test
    void renewalIsCheckedAgainstTheExpiryLicenseServiceReports() throws Exception {
        String license = licenses().created(TestLicenses.license());
        licenses().updated(license, 1, TestLicenses.license().withExpiry(LocalDate.parse("2043-01-01")), "expiryDate",
                "2041-01-01", "2043-01-01");
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> LocalDate.parse("2043-01-01").equals(feed.find(license).orElseThrow().getExpiryDate()));
        asSales(post(PURCHASES).contentType(MediaType.APPLICATION_JSON).content(purchase(license, "RENEWAL")
                        .with("periodEnd", "2042-06-01").json()))
                .andExpect(status().isUnprocessableContent());
        asSales(post(PURCHASES).contentType(MediaType.APPLICATION_JSON).content(purchase(license, "RENEWAL")
                        .with("periodEnd", "2044-01-01").json()))
                .andExpect(status().isCreated());
    }

    /**
     * Two renewals of one license recorded at the same moment: the second is checked against the
     * terms the first left, not against the same stale expiry (it waits for the first's lock).
     */
    @Test
    void twoRenewalsRecordedAtOnceAreCheckedOneAfterTheOther() throws Exception {
        String license = licenses().created(TestLicenses.license());
        LocalDate renewedTo = LocalDate.parse("2042-01-01");
        CountDownLatch firstChecked = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> transactions.executeWithoutResult(status -> {
                purchases.record(renewal(license, renewedTo), "bob");
                firstChecked.countDown();
                await(releaseFirst);
            }));
            assertThat(firstChecked.await(30, TimeUnit.SECONDS)).as("first renewal recorded").isTrue();
            Future<Throwable> second = threads.submit(() -> {
                try {
                    purchases.record(renewal(license, renewedTo), "carol");
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            // the second renewal is being checked now, while the first has not committed yet
            Thread.sleep(1_000);
            releaseFirst.countDown();
            first.get(30, TimeUnit.SECONDS);

            assertThat(second.get(30, TimeUnit.SECONDS)).as("the second renewal, checked after the first")
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("periodEnd"));
        } finally {
            releaseFirst.countDown();
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from purchase where license_id = ?", Long.class, license))
                .isEqualTo(1);
        assertThat(feed.find(license).orElseThrow().getExpiryDate()).isEqualTo(renewedTo);
    }

    private static PurchaseTerms renewal(String license, LocalDate periodEnd) {
        return new PurchaseTerms(license, PurchaseType.RENEWAL, LocalDate.parse("2040-06-01"), new BigDecimal("100.00"),
                "EUR", null, periodEnd, null, null, null, null, null, null, null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void expansionMustRaiseALimitAndUpgradeMustChangeTheProduct() throws Exception {
        String license = licenses().created(TestLicenses.license());
        expectUnprocessable(purchase(license, "EXPANSION").with("workspacesAfter", 5).with("usersAfter", 50), "workspacesAfter");
        expectUnprocessable(purchase(license, "EXPANSION").with("workspacesAfter", 10).with("usersAfter", 40), "usersAfter");
        asSales(post(PURCHASES).contentType(MediaType.APPLICATION_JSON)
                .content(purchase(license, "EXPANSION").with("usersAfter", 80).json()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.usersAfter").value(80));
        expectUnprocessable(purchase(license, "EXPANSION").with("usersAfter", 80), "usersAfter");

        expectUnprocessable(purchase(license, "UPGRADE").with("productTypeAfter", "ENT"), "productTypeAfter");
        asSales(post(PURCHASES).contentType(MediaType.APPLICATION_JSON)
                .content(purchase(license, "UPGRADE").with("productTypeAfter", "PRO").json()))
                .andExpect(status().isCreated());
        assertThat(feed.find(license).orElseThrow().getProductType()).isEqualTo("PRO");
        assertThat(feed.find(license).orElseThrow().getAuthorizedUsers()).isEqualTo(80);
    }

    @Test
    void aLicenseNotInTheFeedCannotBeCheckedWithoutLicenseServiceAndNothingIsWritten() throws Exception {
        // license-service has no instance in this test's discovery: it cannot be asked about the license
        long before = count();
        asSales(post(PURCHASES).contentType(MediaType.APPLICATION_JSON).content(purchase("ENT-204001-999999", "NEW").json()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:delms:problem:unavailable"))
                .andExpect(jsonPath("$.detail").value(containsString("license ENT-204001-999999 could not be checked")))
                .andExpect(jsonPath("$.detail").value(containsString("license-service")))
                .andExpect(header().exists("Retry-After"));
        assertThat(count()).isEqualTo(before);
        assertThat(feed.find("ENT-204001-999999")).as("nothing learnt of the license").isEmpty();
    }

    @Test
    void unknownRepOrResellerIs422AndNothingIsWritten() throws Exception {
        long before = count();
        String license = licenses().created(TestLicenses.license());
        expectUnprocessable(purchase(license, "NEW").with("salesRepId", UUID.randomUUID().toString()), "salesRepId");
        expectUnprocessable(purchase(license, "NEW").with("resellerId", UUID.randomUUID().toString()), "resellerId");
        assertThat(count()).isEqualTo(before);
    }

    /**
     * A deleted rep or reseller that licenses still name is deactivated, and a deactivated one is no
     * longer offered for new purchases: naming it is a 422 in license-service's words. The license's
     * own rep and reseller stay on its purchases, as they stay on the license.
     */
    @Test
    void deactivatedRepOrResellerIs422NamingTheFieldButTheLicensesOwnStay() throws Exception {
        UUID rep = api().rep("Leaving Rep");
        UUID reseller = api().reseller(SalesApi.uniqueCode("leaving"));
        String theirs = licenses().created(TestLicenses.license().withRep(rep).withReseller(reseller));
        mvc.perform(delete("/api/v1/sales-reps/" + rep).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        mvc.perform(delete("/api/v1/resellers/" + reseller).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        String other = licenses().created(TestLicenses.license());
        long before = count();

        asSales(post(PURCHASES).contentType(MediaType.APPLICATION_JSON)
                        .content(purchase(other, "NEW").with("salesRepId", rep.toString()).json()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("salesRepId"))
                .andExpect(jsonPath("$.errors[0].message").value("is an inactive sales rep"));
        asSales(post(PURCHASES).contentType(MediaType.APPLICATION_JSON)
                        .content(purchase(other, "NEW").with("resellerId", reseller.toString()).json()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("resellerId"))
                .andExpect(jsonPath("$.errors[0].message").value("is an inactive reseller"));
        assertThat(count()).isEqualTo(before);

        asSales(post(PURCHASES).contentType(MediaType.APPLICATION_JSON).content(purchase(theirs, "RENEWAL")
                        .with("periodEnd", "2042-01-01").with("salesRepId", rep.toString()).json()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.salesRepId").value(rep.toString()))
                .andExpect(jsonPath("$.resellerId").value(reseller.toString()));
    }

    @Test
    void badInputIs400NamingTheFieldAndNothingIsWritten() throws Exception {
        String license = licenses().created(TestLicenses.license());
        long before = count();
        Object[][] cases = {
                {purchase(license, "NEW").with("amount", "10.001"), "amount"},
                {purchase(license, "NEW").with("amount", -1), "amount"},
                {purchase(license, "NEW").with("amount", "ten"), "amount"},
                {purchase(license, "NEW").with("currency", "EURO"), "currency"},
                {purchase(license, "NEW").with("currency", "XYZ"), "currency"},
                {purchase(license, "NEW").with("type", "GIFT"), "type"},
                {purchase(license, "NEW").with("purchaseDate", "2040-13-01"), "purchaseDate"},
                {purchase(license, "NEW").with("purchaseDate", null), "purchaseDate"},
                {purchase(license, "RENEWAL"), "periodEnd"},
                {purchase(license, "NEW").with("periodStart", "2041-01-02").with("periodEnd", "2041-01-01"), "periodEnd"},
                {purchase(license, "EXPANSION"), "workspacesAfter"},
                {purchase(license, "EXPANSION").with("usersAfter", 0), "usersAfter"},
                {purchase(license, "UPGRADE"), "productTypeAfter"},
                {purchase(license, "UPGRADE").with("productTypeAfter", "enterprise"), "productTypeAfter"},
        };
        for (Object[] c : cases) {
            asSales(post(PURCHASES).contentType(MediaType.APPLICATION_JSON).content(((Body) c[0]).json()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value((String) c[1]));
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void engineersAndPartnersCannotRecordPurchases() throws Exception {
        String license = licenses().created(TestLicenses.license());
        for (String token : new String[] {tokens.engineerToken(), tokens.partnerToken("acme")}) {
            mvc.perform(post(PURCHASES).header("Authorization", bearer(token)).contentType(MediaType.APPLICATION_JSON)
                    .content(purchase(license, "NEW").json())).andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("select count(*) from purchase where license_id = ?", Long.class, license)).isZero();
    }

    @Test
    void retriedPostWithTheSameIdempotencyKeyRecordsOnePurchase() throws Exception {
        String license = licenses().created(TestLicenses.license());
        String key = UUID.randomUUID().toString();
        String body = purchase(license, "NEW").json();
        String first = asSales(post(PURCHASES).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        asSales(post(PURCHASES).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(json.readTree(first).get("id").asString()));
        asSales(post(PURCHASES).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content(purchase(license, "NEW").with("amount", "1.00").json()))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForObject("select count(*) from purchase where license_id = ?", Long.class, license))
                .isEqualTo(1);
    }

    @Test
    void listFiltersByLicenseTypeRepResellerAndPeriod() throws Exception {
        UUID rep = api().rep("Filter Rep");
        String license = licenses().created(TestLicenses.license().withRep(rep));
        record(purchase(license, "NEW").with("purchaseDate", "2040-01-10"));
        record(purchase(license, "EXPANSION").with("purchaseDate", "2040-03-10").with("usersAfter", 60));
        record(purchase(license, "RENEWAL").with("purchaseDate", "2040-12-10").with("periodEnd", "2042-01-01"));

        asEngineer(get(PURCHASES).param("licenseId", license)).andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.content[0].type").value("RENEWAL"));
        asEngineer(get(PURCHASES).param("licenseId", license).param("type", "EXPANSION"))
                .andExpect(jsonPath("$.page.totalElements").value(1));
        asEngineer(get(PURCHASES).param("salesRepId", rep.toString()).param("from", "2040-02-01").param("to", "2040-12-10"))
                .andExpect(jsonPath("$.page.totalElements").value(2));
        asEngineer(get(PURCHASES).param("salesRepId", rep.toString()).param("resellerId", UUID.randomUUID().toString()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        asEngineer(get(PURCHASES).param("type", "GIFT")).andExpect(status().isBadRequest());
        asEngineer(get(PURCHASES).param("from", "yesterday")).andExpect(status().isBadRequest());
    }

    private void record(Body body) throws Exception {
        asSales(post(PURCHASES).contentType(MediaType.APPLICATION_JSON).content(body.json())).andExpect(status().isCreated());
    }

    private void expectUnprocessable(Body body, String field) throws Exception {
        asSales(post(PURCHASES).contentType(MediaType.APPLICATION_JSON).content(body.json()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from purchase", Long.class);
    }

    private Body purchase(String licenseId, String type) {
        return new Body(json).with("licenseId", licenseId).with("type", type).with("purchaseDate", "2040-06-01")
                .with("amount", "100.00").with("currency", "EUR");
    }

    /** A purchase request body, built field by field. */
    static final class Body {

        private final Map<String, Object> fields = new LinkedHashMap<>();
        private final JsonMapper json;

        Body(JsonMapper json) {
            this.json = json;
        }

        Body with(String field, Object value) {
            fields.put(field, value);
            return this;
        }

        String json() {
            return json.writeValueAsString(fields);
        }
    }

    private TestLicenses licenses() {
        return new TestLicenses(kafka, feed);
    }

    private SalesApi api() {
        return new SalesApi(mvc, tokens, json);
    }

    private ResultActions asSales(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(tokens.salesToken())));
    }

    private ResultActions asEngineer(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(tokens.engineerToken())));
    }
}
