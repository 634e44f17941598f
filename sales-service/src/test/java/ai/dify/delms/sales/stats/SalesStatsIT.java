package ai.dify.delms.sales.stats;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import ai.dify.delms.sales.SalesApi;
import ai.dify.delms.sales.licenseview.LicenseFeed;
import ai.dify.delms.sales.licenseview.TestLicenses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sales statistics over a generated data set (licenses in 2049-2051, a period no other test
 * uses), checked against figures this test computes from the data it generated.
 */
@DelmsServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesStatsIT {

    private static final LocalDate FROM = LocalDate.parse("2050-01-01");
    private static final LocalDate TO = LocalDate.parse("2050-12-31");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    LicenseFeed feed;

    private final List<GeneratedLicense> licenses = new ArrayList<>();
    private final List<GeneratedPurchase> purchases = new ArrayList<>();
    private final List<UUID> reps = new ArrayList<>();
    private UUID reseller;

    record GeneratedLicense(String id, UUID rep, UUID reseller, Instant createdAt, List<LocalDate> expiries) {
    }

    record GeneratedPurchase(String licenseId, String type, LocalDate date, BigDecimal amount, String currency,
            UUID rep, UUID reseller, LocalDate periodEnd) {
    }

    @BeforeAll
    void generate() throws Exception {
        SalesApi api = new SalesApi(mvc, tokens, json);
        reps.add(api.rep("Stats Rep A"));
        reps.add(api.rep("Stats Rep B"));
        reseller = api.reseller(SalesApi.uniqueCode("stats"));
        Random random = new Random(42);
        TestLicenses feedWriter = new TestLicenses(kafka, feed);
        for (int i = 0; i < 16; i++) {
            UUID rep = reps.get(i % 2);
            UUID partner = i % 3 == 0 ? reseller : null;
            LocalDate created = i == 0 ? LocalDate.parse("2049-12-31") : LocalDate.of(2050, 1 + random.nextInt(12), 10);
            LocalDate expiry = i % 4 == 3 ? LocalDate.parse("2051-06-01") : LocalDate.of(2050, 1 + random.nextInt(12), 20);
            Instant createdAt = created.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600);
            String id = feedWriter.created(TestLicenses.license().withRep(rep).withReseller(partner)
                    .withExpiry(expiry).createdAt(createdAt));
            GeneratedLicense license = new GeneratedLicense(id, rep, partner, createdAt, new ArrayList<>(List.of(expiry)));
            licenses.add(license);

            record(license, "NEW", created, new BigDecimal(1000 + 10 * i + ".25"), i % 4 == 0 ? "USD" : "EUR", null,
                    Map.of());
            if (i % 2 == 0) {
                LocalDate newExpiry = expiry.plusYears(1);
                record(license, "RENEWAL", expiry.minusDays(10), new BigDecimal("800.10"), "EUR", newExpiry,
                        Map.of("periodStart", expiry.toString(), "periodEnd", newExpiry.toString()));
                license.expiries().add(newExpiry);
            }
            if (i % 5 == 0) {
                record(license, "EXPANSION", LocalDate.parse("2050-11-30"), new BigDecimal("99.99"), "EUR", null,
                        Map.of("usersAfter", 500));
            }
            if (i == 7) {
                record(license, "UPGRADE", LocalDate.parse("2051-01-05"), new BigDecimal("500.00"), "EUR", null,
                        Map.of("productTypeAfter", "PRO"));
            }
        }
    }

    private void record(GeneratedLicense license, String type, LocalDate date, BigDecimal amount, String currency,
            LocalDate periodEnd, Map<String, Object> extra) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("licenseId", license.id());
        body.put("type", type);
        body.put("purchaseDate", date.toString());
        body.put("amount", amount.toPlainString());
        body.put("currency", currency);
        body.putAll(extra);
        mvc.perform(post("/api/v1/purchases").header("Authorization", bearer(tokens.salesToken()))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated());
        purchases.add(new GeneratedPurchase(license.id(), type, date, amount, currency, license.rep(),
                license.reseller(), periodEnd));
    }

    @Test
    void totalsPerRepAndPerResellerMatchTheGeneratedData() throws Exception {
        JsonNode stats = stats(Map.of());
        assertFigures(stats.get("totals"), expected(l -> true, p -> true));
        assertThat(stats.get("bySalesRep").size()).isEqualTo(2);
        for (JsonNode row : stats.get("bySalesRep")) {
            UUID rep = UUID.fromString(row.get("salesRepId").asString());
            assertThat(row.get("name").asString()).startsWith("Stats Rep");
            assertFigures(row.get("figures"), expected(l -> rep.equals(l.rep()), p -> rep.equals(p.rep())));
        }
        assertThat(stats.get("byReseller").size()).isEqualTo(2);
        for (JsonNode row : stats.get("byReseller")) {
            UUID partner = row.get("resellerId").isNull() ? null : UUID.fromString(row.get("resellerId").asString());
            assertFigures(row.get("figures"), expected(l -> Objects.equals(partner, l.reseller()),
                    p -> Objects.equals(partner, p.reseller())));
        }
    }

    @Test
    void oneRepsOrOneResellersFiguresOnly() throws Exception {
        UUID rep = reps.get(1);
        JsonNode byRep = stats(Map.of("salesRepId", rep.toString()));
        assertFigures(byRep.get("totals"), expected(l -> rep.equals(l.rep()), p -> rep.equals(p.rep())));
        assertThat(byRep.get("bySalesRep").size()).isEqualTo(1);

        JsonNode byReseller = stats(Map.of("resellerId", reseller.toString()));
        assertFigures(byReseller.get("totals"),
                expected(l -> reseller.equals(l.reseller()), p -> reseller.equals(p.reseller())));
        assertThat(byReseller.get("byReseller").size()).isEqualTo(1);
    }

    @Test
    void badPeriodsAreRefused() throws Exception {
        mvc.perform(get("/api/v1/stats/sales").param("from", "2050-02-01").param("to", "2050-01-01")
                .header("Authorization", bearer(tokens.engineerToken()))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/stats/sales").param("to", "2050-01-01")
                .header("Authorization", bearer(tokens.engineerToken()))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/stats/sales").param("from", "2050-01-01").param("to", "2050-12-31")
                .header("Authorization", bearer(tokens.partnerToken("acme")))).andExpect(status().isForbidden());
    }

    @Test
    void datesAtTheEdgeOfTheCalendarAreRefusedNamingTheParameter() throws Exception {
        mvc.perform(get("/api/v1/stats/sales").param("from", "2050-01-01").param("to", "+999999999-12-31")
                        .header("Authorization", bearer(tokens.engineerToken())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/stats/sales").param("from", "-999999999-01-01").param("to", "2050-01-01")
                        .header("Authorization", bearer(tokens.engineerToken())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    /** The figures by the definitions of the endpoint, from the generated data. */
    private Map<String, Object> expected(java.util.function.Predicate<GeneratedLicense> licenseMatch,
            java.util.function.Predicate<GeneratedPurchase> purchaseMatch) {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        Map<String, Long> counts = new HashMap<>(Map.of("NEW", 0L, "RENEWAL", 0L, "EXPANSION", 0L, "UPGRADE", 0L));
        for (GeneratedPurchase p : purchases) {
            if (purchaseMatch.test(p) && !p.date().isBefore(FROM) && !p.date().isAfter(TO)) {
                revenue.merge(p.currency(), p.amount(), BigDecimal::add);
                counts.merge(p.type(), 1L, Long::sum);
            }
        }
        long created = 0;
        long due = 0;
        long renewed = 0;
        for (GeneratedLicense l : licenses) {
            if (!licenseMatch.test(l)) {
                continue;
            }
            LocalDate createdOn = l.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
            if (!createdOn.isBefore(FROM) && !createdOn.isAfter(TO)) {
                created++;
            }
            LocalDate firstDue = l.expiries().stream().filter(d -> !d.isBefore(FROM) && !d.isAfter(TO)).min(
                    LocalDate::compareTo).orElse(null);
            if (firstDue != null) {
                due++;
                boolean wasRenewed = purchases.stream().anyMatch(p -> p.licenseId().equals(l.id())
                        && p.type().equals("RENEWAL") && p.periodEnd().isAfter(firstDue));
                if (wasRenewed) {
                    renewed++;
                }
            }
        }
        Map<String, Object> figures = new HashMap<>();
        figures.put("revenue", revenue);
        figures.put("purchases", counts);
        figures.put("newLicenses", created);
        figures.put("licensesDue", due);
        figures.put("licensesRenewed", renewed);
        return figures;
    }

    @SuppressWarnings("unchecked")
    private static void assertFigures(JsonNode actual, Map<String, Object> expected) {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        actual.get("revenue").properties().forEach(e -> revenue.put(e.getKey(), e.getValue().decimalValue()));
        Map<String, BigDecimal> expectedRevenue = (Map<String, BigDecimal>) expected.get("revenue");
        assertThat(revenue.keySet()).isEqualTo(expectedRevenue.keySet());
        expectedRevenue.forEach((currency, amount) -> assertThat(revenue.get(currency)).isEqualByComparingTo(amount));
        Map<String, Long> counts = (Map<String, Long>) expected.get("purchases");
        counts.forEach((type, count) -> assertThat(actual.get("purchases").get(type).asLong()).as(type).isEqualTo(count));
        assertThat(actual.get("purchaseCount").asLong())
                .isEqualTo(counts.values().stream().mapToLong(Long::longValue).sum());
        assertThat(actual.get("newLicenses").asLong()).isEqualTo(expected.get("newLicenses"));
        long due = (Long) expected.get("licensesDue");
        long renewed = (Long) expected.get("licensesRenewed");
        assertThat(actual.get("licensesDue").asLong()).isEqualTo(due);
        assertThat(actual.get("licensesRenewed").asLong()).isEqualTo(renewed);
        if (due == 0) {
            assertThat(actual.get("renewalRate").isNull()).isTrue();
        } else {
            assertThat(actual.get("renewalRate").asDouble()).isCloseTo((double) renewed / due,
                    org.assertj.core.data.Offset.offset(0.0001));
        }
    }

    private JsonNode stats(Map<String, String> filter) throws Exception {
        var request = get("/api/v1/stats/sales").param("from", FROM.toString()).param("to", TO.toString())
                .header("Authorization", bearer(tokens.engineerToken()));
        filter.forEach(request::param);
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}
