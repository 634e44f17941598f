package ai.dify.delms.alert.licenseview;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.awaitility.Awaitility;
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
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
@Import(TestClock.Config.class)
@TestPropertySource(properties = "delms.alerts.scan.enabled=false")
class LicenseModelRebuildIT {

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
    @Autowired
    LicenseModels models;
    @Autowired
    UsageHistory usageHistory;

    @Test
    void rebuildReplaysTheTopicIntoAnEmptiedModelAndKeepsTheAlertsAsTheyWere() throws Exception {
        clock.set(Instant.parse("2032-02-01T09:00:00Z"));
        LicenseEventsFixture licenses = new LicenseEventsFixture(kafka, jdbc, clock);
        String licenseId = LicenseEventsFixture.newLicenseId();
        licenses.created(licenseId, "CREATED", LocalDate.parse("2034-01-01"), 5, 50);
        licenses.statusChanged(licenseId, "CREATED", "IN_USE");
        for (int day = 0; day < 3; day++) {
            licenses.usage(licenseId, 3, 60 + day, 5, 50);
            clock.advance(Duration.ofDays(1));
        }
        long alertsBefore = alertCount(licenseId);
        assertThat(alertsBefore).isEqualTo(1);   // OVERUSE_USERS
        // the model drifts (or is lost): a rebuild restores it from the events
        jdbc.update("update license_model set status = 'SUSPENDED', usage_users = 1 where license_id = ?", licenseId);
        jdbc.update("delete from usage_report where license_id = ?", licenseId);

        mvc.perform(post("/api/v1/alerts/rebuild").header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/alerts/rebuild").header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("RUNNING"));
        Awaitility.await().atMost(TestKafka.DEFAULT_TIMEOUT).until(() -> "COMPLETED".equals(rebuildState()));

        LicenseModel model = models.find(licenseId).orElseThrow();
        assertThat(model.getStatus()).isEqualTo("IN_USE");
        assertThat(model.getUsageUsers()).isEqualTo(62);
        assertThat(usageHistory.of(licenseId)).extracting(UsagePoint::users).containsExactly(60, 61, 62);
        assertThat(alertCount(licenseId)).isEqualTo(alertsBefore);

        // live events flow again after the rebuild
        licenses.usage(licenseId, 3, 40, 5, 50);
        assertThat(models.find(licenseId).orElseThrow().getUsageUsers()).isEqualTo(40);
    }

    private String rebuildState() throws Exception {
        String body = mvc.perform(get("/api/v1/alerts/rebuild").header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body).path("state").asString();
    }

    private long alertCount(String licenseId) {
        return jdbc.queryForObject("select count(*) from alert where license_id = ?", Long.class, licenseId);
    }
}
