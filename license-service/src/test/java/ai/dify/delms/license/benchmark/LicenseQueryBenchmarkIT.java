package ai.dify.delms.license.benchmark;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.stats.internal.LicenseCountRepair;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds {@code -Dbench.licenses=N} licenses with the seed generator ({@code ./delms seed --licenses N})
 * and measures p50/p99 of list pages (first, deep by number and by cursor, filtered), a read by id and the
 * dashboard through the API (MockMvc: security filter chain, controller, JPA, JSON, no socket) beside the
 * same queries in plain SQL (decision 40's forms beside the plain ones).
 * Runs only when that property is set; prints the table and writes it to target/benchmark.txt.
 */
@DelmsServiceTest
@EnabledIfSystemProperty(named = "bench.licenses", matches = "\\d+")
class LicenseQueryBenchmarkIT {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 200);
    private static final int DASHBOARD_ROUNDS = Integer.getInteger("bench.dashboard-rounds", 30);
    private static final int DEEP_ROUNDS = Integer.getInteger("bench.deep-rounds", 20);
    private static final int DEEP_PAGE = Integer.getInteger("bench.deep-page", 40_000);
    private static final int COUNT_LIMIT = 10_000;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LicenseCountRepair repair;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password:}")
    String password;

    @Test
    void measureAtScale() throws Exception {
        int licenses = Integer.getInteger("bench.licenses");
        long seedStart = System.nanoTime();
        String copyFrom = System.getProperty("bench.copy-from");
        if (copyFrom != null && copyFrom.matches("\\w+")) {
            // a database an earlier run seeded (same schema): copying is faster than generating again
            String columns = "id, product_type, license_type, status, customer_id, sales_rep_id, reseller_id, "
                    + "order_date, start_date, expiry_date, authorized_workspaces, authorized_users, notes, created_at, "
                    + "updated_at, created_by, updated_by, version, status_before_suspension, usage_workspaces, "
                    + "usage_users, usage_reported_at"; // not the generated column overused
            jdbc.execute("insert into known_customer select * from " + copyFrom + ".known_customer");
            jdbc.execute("insert into license (" + columns + ") select " + columns + " from " + copyFrom + ".license");
            jdbc.execute("insert into license_id_sequence select * from " + copyFrom + ".license_id_sequence");
        } else {
            SeedScript.seed(url, user, password, licenses);
            String keepAs = System.getProperty("bench.keep-as");
            if (keepAs != null && keepAs.matches("\\w+")) {
                // the test database is dropped afterwards: keep a copy for -Dbench.copy-from
                jdbc.execute("create database if not exists " + keepAs);
                for (String table : List.of("known_customer", "license", "license_id_sequence")) {
                    jdbc.execute("create table " + keepAs + "." + table + " as select * from " + table);
                }
            }
        }
        long seedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - seedStart);
        long repairStart = System.nanoTime();
        int repaired = repair.repair(); // rows copied from another database came without their counters
        long repairMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - repairStart);
        jdbc.execute("analyze table license");
        long rows = jdbc.queryForObject("select count(*) from license", Long.class);
        List<String> ids = jdbc.queryForList("select id from license order by rand() limit 1000", String.class);
        Random random = new Random(7);
        LocalDate today = LocalDate.now();

        List<String> report = new ArrayList<>();
        report.add(String.format("licenses: %d (seeded in %.1f s); counters recounted in %.1f s, %d rows repaired", rows,
                seedMillis / 1000.0, repairMillis / 1000.0, repaired));
        report.add(String.format("%-58s %9s %9s %9s %9s", "query", "API p50", "API p99", "SQL p50", "SQL p99"));

        compare(report, "list ?size=20", ROUNDS,
                () -> api("/api/v1/licenses?size=20"),
                () -> {
                    jdbc.queryForList("select * from license order by created_at, id limit 20");
                    jdbc.queryForObject("select count(*) from license", Long.class);
                });
        compare(report, "  SQL: bounded count (limit " + (COUNT_LIMIT + 1) + ")", ROUNDS,
                () -> jdbc.queryForObject("select count(*) from (select 1 from license limit ?) t", Long.class,
                        COUNT_LIMIT + 1),
                () -> jdbc.queryForObject("select count(*) from license", Long.class));
        compare(report, "list ?size=20&page=" + DEEP_PAGE, DEEP_ROUNDS,
                () -> api("/api/v1/licenses?size=20&page=" + DEEP_PAGE),
                () -> jdbc.queryForList("select * from license order by created_at limit 20 offset " + 20L * DEEP_PAGE));
        compare(report, "  SQL: ids from the index, then their rows", DEEP_ROUNDS,
                () -> {
                    List<String> page = jdbc.queryForList("select id from license order by created_at, id "
                            + "limit 20 offset " + 20L * DEEP_PAGE, String.class);
                    jdbc.queryForList("select * from license where id in (" + String.join(",",
                            page.stream().map(id -> "'" + id + "'").toList()) + ")");
                },
                () -> jdbc.queryForList("select * from license order by created_at limit 20 offset " + 20L * DEEP_PAGE));
        String next = next("/api/v1/licenses?size=20&page=" + (DEEP_PAGE - 1));
        if (next != null) {
            Map<String, Object> last = jdbc.queryForMap("select created_at, id from license order by created_at, id "
                    + "limit 1 offset " + (20L * DEEP_PAGE - 1));
            compare(report, "list ?size=20&after=<next of page " + (DEEP_PAGE - 1) + ">", ROUNDS,
                    () -> api("/api/v1/licenses?size=20&after=" + next),
                    () -> jdbc.queryForList("select * from license where created_at > ? or (created_at = ? and id > ?) "
                            + "order by created_at, id limit 21", last.get("created_at"), last.get("created_at"),
                            last.get("id")));
        }
        String filtered = "status=IN_USE&productType=ENT&size=20";
        compare(report, "list ?" + filtered, ROUNDS,
                () -> api("/api/v1/licenses?" + filtered + "&page=" + random.nextInt(50)),
                () -> {
                    jdbc.queryForList("select * from license where status = 'IN_USE' and product_type = 'ENT' "
                            + "order by created_at limit 20 offset " + 20 * random.nextInt(50));
                    jdbc.queryForObject("select count(*) from license where status = 'IN_USE' and product_type = 'ENT'",
                            Long.class);
                });
        String expiring = "expiringWithinDays=30&sort=expiryDate,asc&size=20";
        compare(report, "list ?" + expiring, ROUNDS,
                () -> api("/api/v1/licenses?" + expiring),
                () -> {
                    jdbc.queryForList("select * from license where expiry_date between ? and ? order by expiry_date "
                            + "limit 20", Date.valueOf(today), Date.valueOf(today.plusDays(30)));
                    jdbc.queryForObject("select count(*) from license where expiry_date between ? and ?", Long.class,
                            Date.valueOf(today), Date.valueOf(today.plusDays(30)));
                });
        String overused = "overused=true&status=IN_USE&size=20";
        compare(report, "list ?" + overused, ROUNDS,
                () -> api("/api/v1/licenses?" + overused),
                () -> {
                    jdbc.queryForList("select * from license where status = 'IN_USE' and overused "
                            + "order by created_at limit 20");
                    jdbc.queryForObject("select count(*) from license where status = 'IN_USE' and overused", Long.class);
                });
        compare(report, "GET /licenses/{id}", ROUNDS,
                () -> api("/api/v1/licenses/" + ids.get(random.nextInt(ids.size()))),
                () -> jdbc.queryForMap("select * from license where id = ?", ids.get(random.nextInt(ids.size()))));
        // API: the dashboard from the counters (decision 38); SQL: the aggregate over every license it replaced
        compare(report, "GET /stats/licenses (SQL: old full aggregate)", DASHBOARD_ROUNDS,
                () -> api("/api/v1/stats/licenses"),
                () -> jdbc.queryForList("""
                        select status, product_type, count(*),
                               sum(case when expiry_date between ? and ? then 1 else 0 end),
                               sum(case when expiry_date between ? and ? then 1 else 0 end),
                               sum(case when expiry_date between ? and ? then 1 else 0 end),
                               sum(case when overused then 1 else 0 end),
                               coalesce(sum(usage_workspaces), 0), coalesce(sum(usage_users), 0),
                               sum(authorized_workspaces), sum(authorized_users),
                               sum(case when usage_reported_at is not null then 1 else 0 end)
                        from license group by status, product_type""", Date.valueOf(today),
                        Date.valueOf(today.plusDays(30)), Date.valueOf(today), Date.valueOf(today.plusDays(60)),
                        Date.valueOf(today), Date.valueOf(today.plusDays(90))));

        report.forEach(System.out::println);
        Files.write(Path.of("target", "benchmark.txt"), report);
    }

    /** A fresh token each minute: they are short-lived. */
    private String token;
    private long tokenIssuedAt;

    private String api(String path) throws Exception {
        if (token == null || System.nanoTime() - tokenIssuedAt > TimeUnit.MINUTES.toNanos(1)) {
            token = tokens.salesToken();
            tokenIssuedAt = System.nanoTime();
        }
        return mvc.perform(get(path).header("Authorization", bearer(token))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    /** The page's cursor of the following page, or null where the list gives none. */
    private String next(String path) throws Exception {
        JsonNode next = JSON.readTree(api(path)).path("page").path("next");
        return next.isString() ? next.asString() : null;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static void compare(List<String> report, String name, int rounds, Call api, Call sql) throws Exception {
        double[] apiMs = measure(rounds, api);
        double[] sqlMs = measure(rounds, sql);
        report.add(String.format("%-58s %7.1fms %7.1fms %7.1fms %7.1fms", name, p(apiMs, 0.50), p(apiMs, 0.99),
                p(sqlMs, 0.50), p(sqlMs, 0.99)));
    }

    private static double[] measure(int rounds, Call call) throws Exception {
        for (int i = 0; i < Math.max(3, rounds / 10); i++) {
            call.run(); // warm-up: JIT, caches, connection pool
        }
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double p(double[] sorted, double quantile) {
        return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }
}
