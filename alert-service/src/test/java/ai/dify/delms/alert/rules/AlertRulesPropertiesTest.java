package ai.dify.delms.alert.rules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Thresholds that would make a rule meaningless stop the service at start instead of silently misjudging. */
class AlertRulesPropertiesTest {

    @ParameterizedTest(name = "expiry notices {0}/{1}/{2}: accepted {3}")
    @CsvSource({
            "90, 60, 30, true",
            "3,  2,  0,  true",
            "90, 60, -1, false",
            "90, 60, 60, false",
            "60, 60, 30, false",
            "30, 60, 90, false"})
    void expiryNoticesMustShrinkTowardsTheExpiryDate(int first, int second, int last, boolean accepted) {
        check(() -> new AlertRulesProperties.Expiry(first, second, last), accepted);
    }

    @ParameterizedTest(name = "tolerance {0}%: accepted {1}")
    @CsvSource({"0, true", "12.5, true", "-0.1, false"})
    void overuseToleranceMustNotBeNegative(double tolerance, boolean accepted) {
        check(() -> new AlertRulesProperties.Overuse(tolerance), accepted);
    }

    @ParameterizedTest(name = "inactive after {0} days: accepted {1}")
    @CsvSource({"1, true", "30, true", "0, false", "-5, false"})
    void inactivityNeedsAtLeastOneDay(int afterDays, boolean accepted) {
        check(() -> new AlertRulesProperties.Inactivity(afterDays, List.of("IN_USE")), accepted);
    }

    @ParameterizedTest(name = "history {0}, minimum {1}, k {2}, floors {3}/{4}%: accepted {5}")
    @CsvSource({
            "8, 4, 5,   2,  10, true",
            "2, 2, 0.1, 0,  0,  true",
            "8, 1, 5,   2,  10, false",
            "3, 4, 5,   2,  10, false",
            "8, 4, 0,   2,  10, false",
            "8, 4, 5,   -1, 10, false",
            "8, 4, 5,   2,  -1, false"})
    void irregularUsageNeedsAHistoryAndPositiveThresholds(int historyReports, int minimumHistory, double k,
            double minimumDeviation, double minimumPercent, boolean accepted) {
        check(() -> new AlertRulesProperties.IrregularUsage(historyReports, minimumHistory, k, minimumDeviation,
                minimumPercent), accepted);
    }

    private static void check(ThrowingCallable settings, boolean accepted) {
        if (accepted) {
            assertThatCode(settings).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(settings).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
