package ai.dify.delms.license.license;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.platform.security.CurrentActor;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;

/**
 * A usage report that commits while an edit or a manual transition of the same license is between
 * its read and its write: the edit must not write the usage it read back over the newer one. The
 * interleaving is made explicit: the edit's transaction reads the license, the report commits
 * through the API (on another thread, in its own transaction), then the edit writes and commits.
 */
@DelmsServiceTest
class ConcurrentUsageReportIT {

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
    PlatformTransactionManager transactionManager;

    private final ExecutorService reporter = Executors.newSingleThreadExecutor();
    private LicenseTestClient api;
    private String id;

    @BeforeEach
    void setUp() throws Exception {
        api = new LicenseTestClient(mvc);
        String customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
        id = api.create(tokens.adminToken(), aLicenseFor(customerId)
                .with("authorizedWorkspaces", 10).with("authorizedUsers", 200));
        // the first report puts the license in use; a later one changes no status and so no version
        api.reportUsage(tokens.adminToken(), id, Map.of("workspaces", 2, "users", 20)).andExpect(status().isCreated());
    }

    @AfterEach
    void tearDown() {
        reporter.shutdownNow();
    }

    @Test
    void anEditThatReadTheLicenseBeforeAUsageReportKeepsTheReport() throws Exception {
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            License read = licenses.get(id);
            reportOverLimitsMeanwhile();
            LicenseEdit edit = read.editable();
            licenses.update(id, new LicenseUpdate(new LicenseEdit(edit.salesRepId(), edit.resellerId(),
                    edit.orderDate(), edit.startDate(), edit.expiryDate(), edit.authorizedWorkspaces(),
                    edit.authorizedUsers(), "edited while usage was reported"), null, null, null, null, null, null),
                    null, "alice");
        });

        assertTheOverLimitReportStands("edited while usage was reported");
    }

    @Test
    void aTransitionThatReadTheLicenseBeforeAUsageReportKeepsTheReport() throws Exception {
        CurrentActor admin = new CurrentActor("alice-id", "alice", "delms-cli", Set.of("admin"), Set.of(), null);
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            licenses.get(id);
            reportOverLimitsMeanwhile();
            licenses.transition(id, LicenseStatus.SUSPENDED, "suspended while usage was reported", admin);
        });

        JsonNode license = assertTheOverLimitReportStands(null);
        assertThat(license.get("status").asString()).isEqualTo("SUSPENDED");
    }

    /** A report above the authorized workspaces, committed on its own while the caller's transaction is open. */
    private void reportOverLimitsMeanwhile() {
        try {
            int status = reporter.submit(() -> api.reportUsage(tokens.adminToken(), id,
                    Map.of("workspaces", 15, "users", 20)).andReturn().getResponse().getStatus()).get();
            assertThat(status).isEqualTo(201);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode assertTheOverLimitReportStands(String notes) throws Exception {
        JsonNode license = api.readBody(tokens.adminToken(), id);
        assertThat(license.get("usage").get("workspaces").asInt()).isEqualTo(15);
        assertThat(license.get("overused").asBoolean()).isTrue();
        if (notes != null) {
            assertThat(license.get("notes").asString()).isEqualTo(notes);
        }
        // the database's own overuse flag (list filter) agrees
        JsonNode overused = api.body(api.list(tokens.adminToken(), "overused=true&q=" + id));
        assertThat(overused.get("content").findValuesAsString("id")).contains(id);
        return license;
    }
}
