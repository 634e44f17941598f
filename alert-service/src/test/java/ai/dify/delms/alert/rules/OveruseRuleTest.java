package ai.dify.delms.alert.rules;

import static ai.dify.delms.alert.rules.RuleFixtures.NOW;
import static ai.dify.delms.alert.rules.RuleFixtures.TODAY;
import static ai.dify.delms.alert.rules.RuleFixtures.license;
import static ai.dify.delms.alert.rules.RuleFixtures.withUsage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.dify.delms.alert.alert.AlertType;

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
}
