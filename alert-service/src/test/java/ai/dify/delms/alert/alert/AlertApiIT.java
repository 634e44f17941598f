package ai.dify.delms.alert.alert;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ai.dify.delms.alert.alert.internal.AlertRepository;
import ai.dify.delms.platform.test.ApiChecks;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;

@DelmsServiceTest
class AlertApiIT {

    private static final String ALERTS = "/api/v1/alerts";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    AlertRepository alerts;

    @Test
    void listNeedsATokenAndAStaffRole() throws Exception {
        ApiChecks.staffReadablePagedList(mvc, tokens, ALERTS);
    }

    @Test
    void filtersCombineAndNewestComesFirst() throws Exception {
        String licenseId = licenseId();
        UUID customerId = UUID.randomUUID();
        Alert expiring = alerts.save(alert(licenseId, customerId, AlertType.EXPIRING_30, AlertSeverity.WARNING,
                "2025-05-01T00:00:00Z"));
        Alert overuse = alerts.save(alert(licenseId, customerId, AlertType.OVERUSE_USERS, AlertSeverity.CRITICAL,
                "2025-05-02T00:00:00Z"));
        Alert otherCustomer = alerts.save(alert(licenseId(), UUID.randomUUID(), AlertType.OVERUSE_USERS,
                AlertSeverity.CRITICAL, "2025-05-03T00:00:00Z"));

        asEngineer(get(ALERTS).param("licenseId", licenseId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].id").value(overuse.getId().toString()))
                .andExpect(jsonPath("$.content[1].id").value(expiring.getId().toString()));
        asEngineer(get(ALERTS).param("customerId", customerId.toString()).param("severity", "CRITICAL"))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].type").value("OVERUSE_USERS"));
        asEngineer(get(ALERTS).param("customerId", customerId.toString()).param("type", "EXPIRING_30")
                        .param("status", "OPEN"))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(expiring.getId().toString()));
        asEngineer(get(ALERTS).param("customerId", customerId.toString()).param("status", "RESOLVED"))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        // Several statuses: any of them (the dashboard's "not resolved" = OPEN or ACKNOWLEDGED).
        asEngineer(get(ALERTS).param("customerId", customerId.toString()).param("status", "ACKNOWLEDGED", "OPEN"))
                .andExpect(jsonPath("$.page.totalElements").value(2));
        asEngineer(get(ALERTS).param("customerId", customerId.toString()).param("status", "ACKNOWLEDGED", "RESOLVED"))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        asEngineer(get(ALERTS).param("type", "OVERUSE_USERS").param("size", "200"))
                .andExpect(jsonPath("$.content[*].id", hasItems(
                        overuse.getId().toString(), otherCustomer.getId().toString())));
    }

    @Test
    void alertIsReadWithItsDetails() throws Exception {
        String licenseId = licenseId();
        Alert alert = alerts.save(alert(licenseId, UUID.randomUUID(), AlertType.OVERUSE_WORKSPACES,
                AlertSeverity.CRITICAL, "2025-05-01T00:00:00Z"));

        asEngineer(get(ALERTS + "/" + alert.getId()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.licenseId").value(licenseId))
                .andExpect(jsonPath("$.resellerId").value("acme"))
                .andExpect(jsonPath("$.type").value("OVERUSE_WORKSPACES"))
                .andExpect(jsonPath("$.severity").value("CRITICAL"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.message").value("Limit exceeded"))
                .andExpect(jsonPath("$.details.limit").value(5))
                .andExpect(jsonPath("$.details.used").value(7))
                .andExpect(jsonPath("$.raisedAt").value("2025-05-01T00:00:00Z"))
                .andExpect(jsonPath("$.acknowledgedBy").doesNotExist())
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void unknownAlertIs404AndBadFiltersAre400() throws Exception {
        asEngineer(get(ALERTS + "/" + UUID.randomUUID())).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        for (String[] filter : new String[][] {{"status", "BURNING"}, {"customerId", "acme"}, {"size", "500"},
                {"sort", "nonsense,desc"}}) {
            asEngineer(get(ALERTS).param(filter[0], filter[1])).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void aLicenseHasAtMostOneOpenAlertOfAType() {
        String licenseId = licenseId();
        UUID customerId = UUID.randomUUID();
        alerts.saveAndFlush(alert(licenseId, customerId, AlertType.INACTIVE, AlertSeverity.INFO, "2025-05-01T00:00:00Z"));

        assertThatThrownBy(() -> alerts.saveAndFlush(
                alert(licenseId, customerId, AlertType.INACTIVE, AlertSeverity.INFO, "2025-05-02T00:00:00Z")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void openApiDocumentIsPublicAndDescribesTheEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/alerts'].get.parameters[*].name",
                        hasItems("status", "type", "licenseId", "customerId", "severity")))
                .andExpect(jsonPath("$.paths['/api/v1/alerts/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/alerts/{id}/acknowledge'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/stats/alerts'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/alerts/rebuild'].post").exists());
    }

    private ResultActions asEngineer(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(tokens.engineerToken())));
    }

    private static Alert alert(String licenseId, UUID customerId, AlertType type, AlertSeverity severity,
            String raisedAt) {
        return Alert.raise(licenseId, customerId, "acme", type, severity, "Limit exceeded",
                Map.of("limit", 5, "used", 7), Instant.parse(raisedAt));
    }

    private static String licenseId() {
        return "ENT-202503-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    /** Every write operation of the service's OpenAPI document, refused before it runs (docs/security.md). */
    @Test
    void everyWriteOperationRefusesAnUnacceptableAcceptBeforeRunning() throws Exception {
        assertThat(ApiChecks.writesRefuseAnUnacceptableAcceptBeforeRunning(mvc, tokens))
                .contains("POST /api/v1/alerts/{id}/acknowledge");
    }
}
