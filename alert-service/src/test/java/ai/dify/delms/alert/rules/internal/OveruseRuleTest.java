package ai.dify.delms.alert.rules.internal;

import static ai.dify.delms.alert.rules.internal.RuleFixtures.NOW;
import static ai.dify.delms.alert.rules.internal.RuleFixtures.TODAY;
import static ai.dify.delms.alert.rules.internal.RuleFixtures.license;
import static ai.dify.delms.alert.rules.internal.RuleFixtures.withUsage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.rules.AlertRulesProperties;
import ai.dify.delms.alert.rules.Finding;
import ai.dify.delms.alert.rules.LicenseFacts;

class OveruseRuleTest {

    // authorized: 10 workspaces, 100 users
    @ParameterizedTest(name = "{0} workspaces, {1} users, tolerance {2}%: {3}")
    @CsvSource(delimiter = '|', value = {
            "10 | 100 | 0  | ",
            "11 | 100 | 0  | OVERUSE_WORKSPACES",
            "10 | 101 | 0  | OVERUSE_USERS",
            "11 | 101 | 0  | OVERUSE_WORKSPACES OVERUSE_USERS",
            "11 | 110 | 10 | ",
            "12 | 111 | 10 | OVERUSE_WORKSPACES OVERUSE_USERS",
            "0  | 0   | 0  | "})
    void latestUsageAboveTheLimitBeyondTheToleranceIsOveruse(int workspaces, int users, double tolerance,
            String expected) {
        OveruseRule rule = new OveruseRule(new AlertRulesProperties(RuleFixtures.defaults().expiry(),
                new AlertRulesProperties.Overuse(tolerance), RuleFixtures.defaults().inactivity(),
                RuleFixtures.defaults().irregularUsage()));

        List<Finding> findings = rule.evaluate(withUsage(license("IN_USE", TODAY.plusYears(1)), workspaces, users, NOW),
                NOW);

        assertThat(findings).extracting(f -> f.type().name())
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected.split(" ")));
    }

    @Test
    void noReportNoOveruse() {
        assertThat(new OveruseRule(RuleFixtures.defaults()).evaluate(license("IN_USE", null), NOW)).isEmpty();
    }

    @Test
    void findingTellsWhatIsUsedAndAuthorized() {
        Finding finding = new OveruseRule(RuleFixtures.defaults())
                .evaluate(withUsage(license("IN_USE", null), 3, 130, NOW), NOW).get(0);

        assertThat(finding.type()).isEqualTo(AlertType.OVERUSE_USERS);
        assertThat(finding.details()).containsEntry("used", 130).containsEntry("authorized", 100);
    }

    /**
     * Exactly the limit plus the tolerance is not overuse, one more is, for workspaces and users alike,
     * also where binary floating point would round the limit down (100 × 1.15 = 114.99999999999999).
     */
    @ParameterizedTest(name = "{2} used of {1} authorized, tolerance {0}%: overuse {3}")
    @CsvSource({
            "0,    100,  100,  false",
            "0,    100,  101,  true",
            "0,    1,    1,    false",
            "0,    1,    2,    true",
            "10,   10,   11,   false",
            "10,   10,   12,   true",
            "13,   100,  113,  false",
            "13,   100,  114,  true",
            "15,   100,  115,  false",
            "15,   100,  116,  true",
            "16,   50,   58,   false",
            "16,   50,   59,   true",
            "82,   250,  455,  false",
            "82,   250,  456,  true",
            "12.5, 8,    9,    false",
            "12.5, 8,    10,   true",
            "0.1,  1000, 1001, false",
            "0.1,  1000, 1002, true",
            "100,  5,    10,   false",
            "100,  5,    11,   true"})
    void exactlyTheToleratedLimitIsNotOveruse(double tolerance, int authorized, int used, boolean overuse) {
        AlertRulesProperties defaults = RuleFixtures.defaults();
        OveruseRule rule = new OveruseRule(new AlertRulesProperties(defaults.expiry(),
                new AlertRulesProperties.Overuse(tolerance), defaults.inactivity(), defaults.irregularUsage()));
        LicenseFacts license = new LicenseFacts("ENT-202501-000001", null, "acme", "IN_USE", null, authorized,
                authorized, used, used, NOW, null, NOW, List.of());

        assertThat(rule.evaluate(license, NOW)).extracting(Finding::type).containsExactlyElementsOf(
                overuse ? List.of(AlertType.OVERUSE_WORKSPACES, AlertType.OVERUSE_USERS) : List.of());
    }

    @Test
    void withoutALimitThereIsNoOveruse() {
        LicenseFacts license = new LicenseFacts("ENT-202501-000001", null, "acme", "IN_USE", null, null, 10, 500, 5,
                NOW, null, NOW, List.of());

        assertThat(new OveruseRule(RuleFixtures.defaults()).evaluate(license, NOW)).isEmpty();
    }
}
