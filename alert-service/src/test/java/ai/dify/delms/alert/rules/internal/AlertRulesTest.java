package ai.dify.delms.alert.rules.internal;

import static ai.dify.delms.alert.rules.internal.RuleFixtures.NOW;
import static ai.dify.delms.alert.rules.internal.RuleFixtures.TODAY;
import static ai.dify.delms.alert.rules.internal.RuleFixtures.license;
import static ai.dify.delms.alert.rules.internal.RuleFixtures.withUsage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.rules.AlertRules;
import ai.dify.delms.alert.rules.AlertRulesProperties;
import ai.dify.delms.alert.rules.LicenseFacts;

class AlertRulesTest {

    private final AlertRulesProperties properties = RuleFixtures.defaults();
    private final AlertRules rules = new AlertRules(List.of(new ExpiryRule(properties, RuleFixtures.UTC), new OveruseRule(properties),
            new InactivityRule(properties), new IrregularUsageRule(properties, 12)));

    @Test
    void everyAlertTypeHasItsRule() {
        assertThat(rules.types()).containsExactlyInAnyOrder(AlertType.values());
    }

    @Test
    void findingsOfSeveralRulesComeTogether() {
        LicenseFacts expiringAndOverused = withUsage(license("IN_USE", TODAY.plusDays(10)), 20, 100, NOW);

        assertThat(rules.evaluate(expiringAndOverused, NOW))
                .containsOnlyKeys(AlertType.EXPIRING_30, AlertType.OVERUSE_WORKSPACES);
    }

    @Test
    void terminatedLicenseHasNoAlerts() {
        LicenseFacts terminated = withUsage(license("TERMINATED", TODAY.minusDays(10)), 20, 500, NOW);

        assertThat(rules.evaluate(terminated, NOW)).isEmpty();
    }

    @Test
    void twoRulesCannotOwnOneType() {
        assertThatThrownBy(() -> new AlertRules(List.of(new OveruseRule(properties), new OveruseRule(properties))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("OVERUSE");
    }

    @Test
    void irregularUsageNeedsAKeptHistoryLongerThanItLooksBack() {
        assertThatThrownBy(() -> new IrregularUsageRule(properties, 8)).isInstanceOf(IllegalStateException.class);
    }
}
