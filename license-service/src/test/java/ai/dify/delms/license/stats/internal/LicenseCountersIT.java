package ai.dify.delms.license.stats.internal;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.benchmark.SeedScript;
import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.license.license.DeploymentFacts;
import ai.dify.delms.license.license.LicenseService;
import ai.dify.delms.license.license.LicenseTestClient;
import ai.dify.delms.license.license.PurchaseFacts;
import ai.dify.delms.license.license.PurchaseType;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;

/**
 * The dashboard's counters equal a recount of every license after any mix of writes: through the API
 * (creations, edits, status changes, usage reports), as the inbound handlers apply purchases and
 * deployments, by the expiry job, from parallel writers, and after the seed script.
 */
@DelmsServiceTest
class LicenseCountersIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    KnownCustomers knownCustomers;
    @Autowired
    LicenseService licenses;
    @Autowired
    LicenseStatsQuery stats;
    @Autowired
    LicenseCountRepair repair;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password:}")
    String password;

    private final LocalDate today = LocalDate.now();
    private LicenseTestClient api;
    private String customerId;

    @BeforeEach
    void setUp() {
        api = new LicenseTestClient(mvc);
        customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
        // other tests of this context write rows around the service to set up their cases
        repair.repair();
    }

    @Test
    void countersEqualARecountAfterRandomWrites() throws Exception {
        Random random = new Random(38);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(create(random));
        }
        for (int step = 0; step < 150; step++) {
            String id = ids.get(random.nextInt(ids.size()));
            switch (random.nextInt(10)) {
                case 0 -> ids.add(create(random));
                case 1 -> api.patch(tokens.adminToken(), id, LicenseTestClient.json(Map.of(
                        "expiryDate", today.plusDays(random.nextInt(130) - 10).toString(),
                        "authorizedWorkspaces", 1 + random.nextInt(20))), null);
                case 2 -> api.transition(tokens.adminToken(), id, "SUSPENDED", "audit");
                case 3 -> reinstate(id);
                case 4, 5 -> api.reportUsage(tokens.engineerToken(), id, Map.of("workspaces", random.nextInt(25),
                        "users", random.nextInt(300), "reportedAt", Instant.now().minus(random.nextInt(3) * 60,
                                ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString()));
                case 6 -> purchase(random, id);
                case 7 -> licenses.applyDeployment(id, new DeploymentFacts(UUID.randomUUID(), UUID.randomUUID(), "erin",
                        Instant.now(), "production", "1.4.0"), "deployment-service", Instant.now());
                case 8 -> api.transition(tokens.adminToken(), id, "TERMINATED", "contract ended");
                default -> licenses.expireDue(today.plusDays(random.nextInt(15)), 5, "license-expiry-job");
            }
        }

        assertThat(stats.compute()).isEqualTo(stats.recount());
        assertThat(repair.repair()).as("counter rows that differ from a recount, every expiry day included").isZero();
        assertThat(stats.compute().byStatus()).as("writes of every kind happened")
                .allSatisfy((status, licenses) -> assertThat(licenses).isPositive());
    }

    @Test
    void parallelWritersLoseNoDelta() throws Exception {
        LicenseStats before = stats.compute();
        ExecutorService writers = Executors.newFixedThreadPool(6);
        List<Future<Integer>> created = new ArrayList<>();
        try {
            for (int w = 0; w < 6; w++) {
                Random random = new Random(w);
                created.add(writers.submit((Callable<Integer>) () -> {
                    int n = 0;
                    for (int i = 0; i < 8; i++) {
                        // every writer adds to the same counter rows: ENT, CREATED then IN_USE, a few expiry days
                        String id = api.create(tokens.adminToken(), aLicenseFor(customerId)
                                .with("expiryDate", today.plusDays(20 + i % 3).toString()));
                        n++;
                        api.reportUsage(tokens.engineerToken(), id, Map.of("workspaces", 1 + random.nextInt(15),
                                "users", 50));
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> writer : created) {
                total += writer.get();
            }
            LicenseStats after = stats.compute();
            assertThat(after).isEqualTo(stats.recount());
            assertThat(after.total() - before.total()).isEqualTo(total);
            assertThat(after.expiring().within30Days() - before.expiring().within30Days()).isEqualTo(total);
            assertThat(after.byStatus().get("IN_USE") - before.byStatus().get("IN_USE")).isEqualTo(total);
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void seededLicensesAreCounted() throws Exception {
        long before = stats.compute().total();

        SeedScript.seed(url, user, password, 500);

        assertThat(stats.compute()).isEqualTo(stats.recount());
        assertThat(stats.compute().total() - before).isEqualTo(500);
        assertThat(repair.repair()).isZero();
    }

    @Test
    void theRecountRepairsWritesAroundTheService() throws Exception {
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId).with("expiryDate",
                today.plusDays(10).toString()));
        jdbc.update("update license set status = 'TERMINATED', expiry_date = ? where id = ?", today.plusDays(40), id);
        assertThat(stats.compute()).isNotEqualTo(stats.recount());

        assertThat(repair.repair()).as("rows repaired: two statuses, two expiry days").isEqualTo(4);

        assertThat(stats.compute()).isEqualTo(stats.recount());
        assertThat(repair.repair()).isZero();
    }

    private String create(Random random) throws Exception {
        boolean perpetual = random.nextInt(6) == 0;
        var license = aLicenseFor(customerId).with("productType", random.nextBoolean() ? "ENT" : "PRO")
                .with("orderDate", today.minusDays(60).toString()).with("startDate", today.minusDays(60).toString())
                .with("authorizedWorkspaces", 1 + random.nextInt(20)).with("authorizedUsers", 1 + random.nextInt(250));
        return api.create(tokens.adminToken(), perpetual ? license.with("licenseType", "PERPETUAL").without("expiryDate")
                : license.with("expiryDate", today.plusDays(random.nextInt(130) - 10).toString()));
    }

    private void reinstate(String id) throws Exception {
        String before = jdbc.queryForObject("select status_before_suspension from license where id = ?", String.class,
                id);
        if (before != null) {
            api.transition(tokens.adminToken(), id, before, "reinstated");
        }
    }

    private void purchase(Random random, String id) {
        PurchaseType type = PurchaseType.values()[1 + random.nextInt(3)];
        LocalDate periodEnd = random.nextBoolean() ? today.plusDays(random.nextInt(200)) : null;
        Integer workspaces = random.nextBoolean() ? 1 + random.nextInt(30) : null;
        String product = type == PurchaseType.UPGRADE ? (random.nextBoolean() ? "ENT" : "PRO") : null;
        licenses.applyPurchase(id, new PurchaseFacts(UUID.randomUUID(), type, today, new BigDecimal("100.00"), "EUR",
                null, periodEnd, workspaces, null, product, null), "sales-service", Instant.now());
    }
}
