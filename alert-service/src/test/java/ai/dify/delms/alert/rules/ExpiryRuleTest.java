package ai.dify.delms.alert.rules;

import static ai.dify.delms.alert.rules.RuleFixtures.NOW;
import static ai.dify.delms.alert.rules.RuleFixtures.TODAY;
import static ai.dify.delms.alert.rules.RuleFixtures.license;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.platform.time.BusinessTimeZone;

class ExpiryRuleTest {

    private final ExpiryRule rule = new ExpiryRule(RuleFixtures.defaults(), RuleFixtures.UTC);

    @ParameterizedTest(name = "{0} days to expiry, status {1}: {2}")
    @CsvSource(nullValues = "none", value = {
            "365, IN_USE,    none",
            "91,  IN_USE,    none",
            "90,  IN_USE,    EXPIRING_90",
            "61,  CREATED,   EXPIRING_90",
            "60,  IN_USE,    EXPIRING_60",
            "31,  SUSPENDED, EXPIRING_60",
            "30,  IN_USE,    EXPIRING_30",
            "0,   IN_USE,    EXPIRING_30",
            "-1,  IN_USE,    EXPIRED",
            "-400, RENEWED,  EXPIRED",
            "10,  EXPIRED,   EXPIRED"})
    void onlyTheNearestWindowIsFound(int daysToExpiry, String status, AlertType expected) {
        List<Finding> findings = rule.evaluate(license(status, TODAY.plusDays(daysToExpiry)), NOW);

        assertThat(findings).extracting(Finding::type).containsExactlyElementsOf(
                expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @CsvSource({"EXPIRING_90, INFO", "EXPIRING_60, INFO", "EXPIRING_30, WARNING", "EXPIRED, CRITICAL"})
    void severityRisesAsExpiryNears(AlertType type, AlertSeverity severity) {
        int days = switch (type) {
            case EXPIRING_90 -> 80;
            case EXPIRING_60 -> 50;
            case EXPIRING_30 -> 5;
            default -> -5;
        };
        assertThat(rule.evaluate(license("IN_USE", TODAY.plusDays(days)), NOW).get(0).severity()).isEqualTo(severity);
    }

    /** 16:00 UTC on 1 March is already 2 March in Tokyo: a license that expired on 1 March has expired there. */
    @Test
    void todayIsTheBusinessTimeZonesDay() {
        Instant afternoonInUtc = Instant.parse("2031-03-01T16:00:00Z");
        ExpiryRule inTokyo = new ExpiryRule(RuleFixtures.defaults(), new BusinessTimeZone(ZoneId.of("Asia/Tokyo")));

        assertThat(inTokyo.evaluate(license("IN_USE", LocalDate.parse("2031-03-01")), afternoonInUtc))
                .extracting(Finding::type).containsExactly(AlertType.EXPIRED);
        assertThat(inTokyo.evaluate(license("IN_USE", LocalDate.parse("2031-03-02")), afternoonInUtc).get(0).details())
                .containsEntry("daysToExpiry", 0L);
        assertThat(rule.evaluate(license("IN_USE", LocalDate.parse("2031-03-01")), afternoonInUtc))
                .as("the same moment in UTC").extracting(Finding::type).containsExactly(AlertType.EXPIRING_30);
    }

    @ParameterizedTest
    @CsvSource({"IN_USE", "CREATED"})
    void perpetualLicenseNeverExpires(String status) {
        assertThat(rule.evaluate(license(status, null), NOW)).isEmpty();
    }
}
