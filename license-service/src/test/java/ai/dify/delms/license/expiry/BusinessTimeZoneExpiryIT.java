package ai.dify.delms.license.expiry;

import ai.dify.delms.license.expiry.internal.LicenseExpiryJob;
import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.license.license.LicenseTestClient;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;

/**
 * With a business time zone ahead of UTC, the expiry job expires a license when its expiry date has
 * ended in that zone, although it has not ended in UTC yet: the day alert-service's EXPIRED alert
 * is raised on (the same delms.business-time-zone).
 */
@DelmsServiceTest
@TestPropertySource(properties = {"delms.business-time-zone=Asia/Tokyo", "delms.license.expiry.cron=-"})
@Import(BusinessTimeZoneExpiryIT.FixedClock.class)
class BusinessTimeZoneExpiryIT {

    /** 16:00 UTC on 1 March 2031, 01:00 on 2 March in Tokyo. */
    static final Instant NOW = Instant.parse("2031-03-01T16:00:00Z");

    @TestConfiguration
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    KnownCustomers knownCustomers;
    @Autowired
    LicenseExpiryJob job;

    @Test
    void aLicenseExpiresWhenItsExpiryDateHasEndedInTheBusinessTimeZone() throws Exception {
        LicenseTestClient api = new LicenseTestClient(mvc);
        String customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
        String endedInTokyo = api.create(tokens.adminToken(), aLicenseFor(customerId).with("orderDate", "2030-03-01")
                .with("startDate", "2030-03-01").with("expiryDate", "2031-03-01"));
        String lastDayInTokyo = api.create(tokens.adminToken(), aLicenseFor(customerId).with("orderDate", "2030-03-01")
                .with("startDate", "2030-03-01").with("expiryDate", "2031-03-02"));

        assertThat(job.expireDue()).isGreaterThanOrEqualTo(1);

        api.read(tokens.salesToken(), endedInTokyo).andExpect(jsonPath("$.status").value("EXPIRED"))
                .andExpect(jsonPath("$.daysToExpiry").value(-1));
        api.read(tokens.salesToken(), lastDayInTokyo).andExpect(jsonPath("$.status").value("CREATED"))
                .andExpect(jsonPath("$.daysToExpiry").value(0));
        // the timeline's expiry is the end of the expiry date in Tokyo: 2 March 00:00 there
        api.timeline(tokens.adminToken(), endedInTokyo)
                .andExpect(jsonPath("$[?(@.type == 'EXPIRY')].at").value("2031-03-01T15:00:00Z"));
    }
}
