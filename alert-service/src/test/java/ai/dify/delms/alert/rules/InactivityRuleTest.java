package ai.dify.delms.alert.rules;

import static ai.dify.delms.alert.rules.RuleFixtures.NOW;
import static ai.dify.delms.alert.rules.RuleFixtures.license;
import static ai.dify.delms.alert.rules.RuleFixtures.withStatusSince;
import static ai.dify.delms.alert.rules.RuleFixtures.withUsage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InactivityRuleTest {

    private final InactivityRule rule = new InactivityRule(RuleFixtures.defaults());

    @ParameterizedTest(name = "{0}, last report {1} days ago, status since {2} days: inactive {3}")
    @CsvSource(nullValues = "never", value = {
            "IN_USE,     29,    100, false",
            "IN_USE,     30,    100, true",
            "RENEWED,    45,    2,   true",
            "DEPLOYED,   never, 29,  false",
            "DEPLOYED,   never, 31,  true",
            "CREATED,    never, 300, false",
            "SUSPENDED,  90,    60,  false",
            "EXPIRED,    90,    60,  false"})
    void deployedOrUsedLicenseWithoutReportsForThirtyDaysIsInactive(String status, Integer reportDaysAgo,
            int statusDaysAgo, boolean inactive) {
        LicenseFacts license = withStatusSince(license(status, null), NOW.minus(Duration.ofDays(statusDaysAgo)));
        if (reportDaysAgo != null) {
            license = withUsage(license, 1, 1, NOW.minus(Duration.ofDays(reportDaysAgo)));
        }

        assertThat(rule.evaluate(license, NOW)).hasSize(inactive ? 1 : 0);
    }
}
