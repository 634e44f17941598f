package ai.dify.delms.license.expiry;

import ai.dify.delms.license.expiry.internal.LicenseExpiryJob;
import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.license.license.LicenseTestClient;
import ai.dify.delms.license.license.NewLicenseBuilder;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class LicenseExpiryIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KnownCustomers knownCustomers;
    @Autowired
    LicenseExpiryJob job;

    private LicenseTestClient api;
    private String customerId;

    @BeforeEach
    void setUp() {
        api = new LicenseTestClient(mvc);
        customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
    }

    /** A license whose expiry date passed while the service was not looking (e.g. down). */
    private NewLicenseBuilder pastItsExpiry() {
        return aLicenseFor(customerId).with("orderDate", "2020-01-01").with("startDate", "2020-01-01")
                .with("expiryDate", "2021-01-01");
    }

    @Test
    void aLicensePastItsExpiryDateExpiresOnceWithTheJobInTheChangeLog() throws Exception {
        String due = api.create(tokens.adminToken(), pastItsExpiry());
        String current = api.create(tokens.adminToken(), aLicenseFor(customerId));
        String suspended = api.create(tokens.adminToken(), pastItsExpiry());
        api.transition(tokens.adminToken(), suspended, "SUSPENDED", "unpaid").andExpect(status().isOk());

        assertThat(job.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(job.expireDue()).as("nothing left on a second run").isZero();

        api.read(tokens.salesToken(), due).andExpect(jsonPath("$.status").value("EXPIRED"));
        api.read(tokens.salesToken(), current).andExpect(jsonPath("$.status").value("CREATED"));
        api.read(tokens.salesToken(), suspended).andExpect(jsonPath("$.status").value("SUSPENDED"));
        api.changes(tokens.adminToken(), due).andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].field").value("status"))
                .andExpect(jsonPath("$.content[0].oldValue").value("CREATED"))
                .andExpect(jsonPath("$.content[0].newValue").value("EXPIRED"))
                .andExpect(jsonPath("$.content[0].source").value("SCHEDULE"))
                .andExpect(jsonPath("$.content[0].actor").value(LicenseExpiryJob.ACTOR));
        api.timeline(tokens.adminToken(), due).andExpect(jsonPath("$[-1].type").value("STATUS_CHANGED"))
                .andExpect(jsonPath("$[-1].details.to").value("EXPIRED"))
                .andExpect(jsonPath("$[*].type", contains("ORDERED", "EXPIRY", "CREATED", "STATUS_CHANGED")));

        JsonNode expired = json.readTree(kafka.awaitRecord("delms.licenses",
                r -> due.equals(r.key()) && r.value().contains("delms.license.expired.v1")).value());
        assertThat(expired.get("data").get("licenseId").asString()).isEqualTo(due);
        assertThat(expired.get("data").get("expiryDate").asString()).isEqualTo("2021-01-01");
        kafka.awaitRecord("delms.licenses", r -> due.equals(r.key())
                && r.value().contains("delms.license.status-changed.v1") && r.value().contains("EXPIRED"));
    }

    @Test
    void instancesRunningTogetherExpireEachLicenseExactlyOnce() throws Exception {
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            due.add(api.create(tokens.adminToken(), pastItsExpiry()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> runs = List.of(job::expireDue, job::expireDue, job::expireDue);
            int total = 0;
            for (Future<Integer> run : pool.invokeAll(runs)) {
                total += run.get();
            }
            assertThat(total).isGreaterThanOrEqualTo(due.size());
        } finally {
            pool.shutdownNow();
        }
        for (String id : due) {
            assertThat(jdbc.queryForObject(
                    "select count(*) from license_change where license_id = ? and field = 'status' and new_value = 'EXPIRED'",
                    Integer.class, id)).as(id).isEqualTo(1);
            api.read(tokens.adminToken(), id).andExpect(jsonPath("$.status").value("EXPIRED"));
        }
    }
}
