package ai.dify.delms.alert.evaluation;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.alert.LicenseEventsFixture;
import ai.dify.delms.alert.TestClock;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;

/**
 * With a business time zone ahead of UTC, a license whose expiry date has ended there is EXPIRED,
 * although the date has not ended in UTC yet: the day license-service's expiry job expires it on
 * (the same delms.business-time-zone).
 */
@DelmsServiceTest
@Import(TestClock.Config.class)
@TestPropertySource(properties = {"delms.business-time-zone=Asia/Tokyo", "delms.alerts.scan.enabled=false"})
class BusinessTimeZoneExpiryIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    @Test
    void theExpiredAlertComesWhenTheExpiryDateHasEndedInTheBusinessTimeZone() throws Exception {
        clock.set(Instant.parse("2031-03-01T16:00:00Z"));   // 01:00 on 2 March in Tokyo
        LicenseEventsFixture licenses = new LicenseEventsFixture(kafka, jdbc, clock);
        String endedInTokyo = LicenseEventsFixture.newLicenseId();
        licenses.created(endedInTokyo, "IN_USE", LocalDate.parse("2031-03-01"), 10, 100);
        String lastDayInTokyo = LicenseEventsFixture.newLicenseId();
        licenses.created(lastDayInTokyo, "IN_USE", LocalDate.parse("2031-03-02"), 10, 100);

        openAlertOf(endedInTokyo).andExpect(jsonPath("$.content[0].type").value("EXPIRED"));
        openAlertOf(lastDayInTokyo).andExpect(jsonPath("$.content[0].type").value("EXPIRING_30"))
                .andExpect(jsonPath("$.content[0].details.daysToExpiry").value(0));
    }

    private org.springframework.test.web.servlet.ResultActions openAlertOf(String licenseId) throws Exception {
        return mvc.perform(get("/api/v1/alerts").param("licenseId", licenseId).param("status", "OPEN")
                        .header("Authorization", bearer(tokens.engineerToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1));
    }
}
