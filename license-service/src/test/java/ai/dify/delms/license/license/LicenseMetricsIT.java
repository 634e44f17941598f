package ai.dify.delms.license.license;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import ai.dify.delms.platform.test.metrics.PrometheusScrape;

/** {@code delms_licenses{status}} on /actuator/prometheus follows the licenses' statuses. */
@DelmsServiceTest
class LicenseMetricsIT {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    KnownCustomers knownCustomers;

    @Test
    void everyStatusHasItsCountAndACreatedThenSuspendedLicenseMovesBetweenThem() throws Exception {
        PrometheusScrape before = PrometheusScrape.of(mvc);
        for (LicenseStatus status : LicenseStatus.values()) {
            assertThat(before.of("delms_licenses", Map.of("status", status.name()))).as("series of %s", status)
                    .hasSize(1);
        }
        double created = count(before, LicenseStatus.CREATED);
        double suspended = count(before, LicenseStatus.SUSPENDED);

        LicenseTestClient api = new LicenseTestClient(mvc);
        String customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId));
        Awaitility.await("the new license counts as CREATED").atMost(BOUND)
                .untilAsserted(() -> assertThat(count(PrometheusScrape.of(mvc), LicenseStatus.CREATED))
                        .isEqualTo(created + 1));

        api.transition(tokens.tokenFor("alice", "admin"), id, "SUSPENDED", "unpaid invoice").andExpect(status().isOk());
        Awaitility.await("the license counts as SUSPENDED").atMost(BOUND).untilAsserted(() -> {
            PrometheusScrape scrape = PrometheusScrape.of(mvc);
            assertThat(count(scrape, LicenseStatus.CREATED)).isEqualTo(created);
            assertThat(count(scrape, LicenseStatus.SUSPENDED)).isEqualTo(suspended + 1);
        });
    }

    private static double count(PrometheusScrape scrape, LicenseStatus status) {
        return scrape.value("delms_licenses", Map.of("status", status.name()));
    }
}
