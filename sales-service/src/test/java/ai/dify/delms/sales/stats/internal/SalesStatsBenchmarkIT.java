package ai.dify.delms.sales.stats.internal;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;

/**
 * Latency of {@code GET /api/v1/stats/sales} over 100,000 purchases of 20,000 licenses, 50 reps
 * and 20 resellers (year 2060, apart from other tests' data). Run on demand:
 * {@code -Dit.test=SalesStatsBenchmarkIT -Ddelms.benchmark=true}; prints p50/p99.
 */
@DelmsServiceTest
@EnabledIfSystemProperty(named = "delms.benchmark", matches = "true")
class SalesStatsBenchmarkIT {

    private static final int LICENSES = 20_000;
    private static final int PURCHASES = 100_000;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void statsOverAHundredThousandPurchases() throws Exception {
        Random random = new Random(7);
        List<String> reps = ids(50);
        List<String> resellers = ids(20);
        for (int i = 0; i < reps.size(); i++) {
            jdbc.update("insert into sales_rep (id, name, email, region, active, created_at, updated_at, version) "
                    + "values (?, ?, ?, 'EMEA', true, now(), now(), 0)", reps.get(i), "Bench Rep " + i,
                    "bench-" + reps.get(i) + "@example.com");
        }
        List<Object[]> licenseRows = new ArrayList<>();
        List<Object[]> expiryRows = new ArrayList<>();
        for (int i = 0; i < LICENSES; i++) {
            String id = String.format("BEN-206001-%06d", i);
            LocalDate expiry = LocalDate.of(2060, 1, 1).plusDays(random.nextInt(730));
            licenseRows.add(new Object[] {id, UUID.randomUUID().toString(), reps.get(random.nextInt(reps.size())),
                    random.nextBoolean() ? resellers.get(random.nextInt(resellers.size())) : null, "ENT",
                    "SUBSCRIPTION", Date.valueOf(expiry), 5, 50,
                    Timestamp.from(Instant.parse("2060-01-01T00:00:00Z").plusSeconds(random.nextInt(365 * 86_400)))});
            expiryRows.add(new Object[] {id, Date.valueOf(expiry)});
        }
        jdbc.batchUpdate("insert into license_sale (license_id, customer_id, sales_rep_id, reseller_id, product_type, "
                + "license_type, expiry_date, authorized_workspaces, authorized_users, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", licenseRows);
        jdbc.batchUpdate("insert into license_expiry (license_id, expiry_date) values (?, ?)", expiryRows);
        String[] types = {"NEW", "RENEWAL", "EXPANSION", "UPGRADE"};
        String[] currencies = {"EUR", "USD", "GBP"};
        List<Object[]> purchaseRows = new ArrayList<>();
        for (int i = 0; i < PURCHASES; i++) {
            Object[] license = licenseRows.get(random.nextInt(LICENSES));
            purchaseRows.add(new Object[] {UUID.randomUUID().toString(), license[0], types[random.nextInt(4)],
                    Date.valueOf(LocalDate.of(2060, 1, 1).plusDays(random.nextInt(730))),
                    new java.math.BigDecimal(random.nextInt(100_000) + ".99"), currencies[random.nextInt(3)],
                    Date.valueOf(LocalDate.of(2061, 1, 1).plusDays(random.nextInt(730))), license[2], license[3]});
            if (purchaseRows.size() == 5_000) {
                insertPurchases(purchaseRows);
                purchaseRows.clear();
            }
        }
        insertPurchases(purchaseRows);
        jdbc.execute("analyze table purchase, license_sale, license_expiry");

        String token = tokens.engineerToken();
        String[][] queries = {{}, {"salesRepId", reps.get(3)}, {"resellerId", resellers.get(5)}};
        for (int i = 0; i < 10; i++) {
            call(token, queries[i % 3]);
        }
        int runs = 300;
        String[] names = {"all", "one rep", "one reseller"};
        long[][] nanos = new long[3][runs / 3];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call(token, queries[i % 3]);
            nanos[i % 3][i / 3] = System.nanoTime() - start;
        }
        // the same three statements in plain SQL (no HTTP, security, mapping or JSON), same filters
        long[][] sqlNanos = new long[3][runs / 3];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            plainSql(queries[i % 3]);
            sqlNanos[i % 3][i / 3] = System.nanoTime() - start;
        }
        report("", names, nanos);
        report("plain SQL ", names, sqlNanos);
        assertThat(jdbc.queryForObject("select count(*) from purchase where purchase_date >= '2060-01-01'", Long.class))
                .isEqualTo(PURCHASES);
    }

    private void plainSql(String[] filter) {
        String column = filter.length == 2 && filter[0].equals("salesRepId") ? "sales_rep_id" : "reseller_id";
        // "%s" takes the table alias the statement uses for the filtered column
        String condition = filter.length == 2 ? "and %s" + column + " = ?" : "";
        Object[] extra = filter.length == 2 ? new Object[] {filter[1]} : new Object[0];
        jdbc.queryForList(SalesStatsQuery.PURCHASES.formatted(condition.formatted("")),
                args(java.time.LocalDate.of(2060, 1, 1), java.time.LocalDate.of(2060, 12, 31), extra));
        jdbc.queryForList(SalesStatsQuery.NEW_LICENSES.formatted(condition.formatted("")),
                args(java.sql.Timestamp.valueOf("2060-01-01 00:00:00"), java.sql.Timestamp.valueOf("2061-01-01 00:00:00"), extra));
        jdbc.queryForList(SalesStatsQuery.DUE.formatted(condition.formatted("l.")),
                args(java.time.LocalDate.of(2060, 1, 1), java.time.LocalDate.of(2060, 12, 31), extra));
    }

    private static Object[] args(Object from, Object to, Object[] extra) {
        Object[] all = new Object[2 + extra.length];
        all[0] = from;
        all[1] = to;
        System.arraycopy(extra, 0, all, 2, extra.length);
        return all;
    }

    private static void report(String kind, String[] names, long[][] nanos) {
        for (int q = 0; q < 3; q++) {
            long[] sorted = nanos[q];
            Arrays.sort(sorted);
            int n = sorted.length;
            System.out.printf("SALES-STATS-BENCHMARK %s%s: purchases=%d licenses=%d runs=%d p50=%.1fms p99=%.1fms "
                    + "max=%.1fms%n", kind, names[q], PURCHASES, LICENSES, n, sorted[n / 2] / 1e6,
                    sorted[(int) Math.ceil(n * 0.99) - 1] / 1e6, sorted[n - 1] / 1e6);
        }
    }

    private void call(String token, String[] filter) throws Exception {
        var request = get("/api/v1/stats/sales").param("from", "2060-01-01").param("to", "2060-12-31")
                .header("Authorization", bearer(token));
        if (filter.length == 2) {
            request.param(filter[0], filter[1]);
        }
        mvc.perform(request).andExpect(status().isOk());
    }

    private void insertPurchases(List<Object[]> rows) {
        jdbc.batchUpdate("insert into purchase (id, license_id, type, purchase_date, amount, currency, period_end, "
                + "sales_rep_id, reseller_id, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, now(6), 'bench')",
                rows);
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }
}
