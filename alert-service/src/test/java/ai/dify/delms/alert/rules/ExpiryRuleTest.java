package ai.dify.delms.alert.rules;

import static ai.dify.delms.alert.rules.RuleFixtures.NOW;
import static ai.dify.delms.alert.rules.RuleFixtures.TODAY;
import static ai.dify.delms.alert.rules.RuleFixtures.license;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;

class ExpiryRuleTest {

    private final ExpiryRule rule = new ExpiryRule(RuleFixtures.defaults());

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

    @ParameterizedTest
    @CsvSource({"IN_USE", "CREATED"})
    void perpetualLicenseNeverExpires(String status) {
        assertThat(rule.evaluate(license(status, null), NOW)).isEmpty();
    }
}
