package ai.dify.delms.alert.rules;

import static ai.dify.delms.alert.rules.RuleFixtures.NOW;
import static ai.dify.delms.alert.rules.RuleFixtures.withUserHistory;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IrregularUsageRuleTest {

    private final IrregularUsageRule rule = new IrregularUsageRule(RuleFixtures.defaults(), 12);

    @ParameterizedTest(name = "{0}: irregular {1}")
    @CsvSource(delimiter = '|', value = {
            // steady growth, linear or a little noisy, is normal
            "100 110 120 130 140 150 160 170 180    | false",
            "50 52 51 55 54 58 60 59 63             | false",
            "10 20 30 40 50 60 70 80 90 100         | false",
            // perfectly steady usage: a small change is normal, a large one is not
            "40 40 40 40 40 40 40 40 41             | false",
            "40 40 40 40 40 40 40 40 46             | false",
            "40 40 40 40 40 40 40 40 80             | true",
            // spikes and collapses
            "100 102 104 106 108 110 112 114 400    | true",
            "100 102 104 106 108 110 112 114 20     | true",
            // an earlier spike in the history does not hide the next one
            "100 101 500 102 103 104 105 106 450    | true",
            // dropping to zero after non-zero, even with little history
            "7 0                                    | true",
            "3 5 7 0                                | true",
            // staying at zero is not a new drop, and zero all along is not irregular
            "0 0 0 0 0 0                            | false",
            // too little history for the outlier test
            "10 11 12 90                            | false",
            "10 11 12 13 90                         | true"})
    void reportFarOutsideTheRecentHistoryIsIrregular(String users, boolean irregular) {
        int[] counts = Arrays.stream(users.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();

        assertThat(rule.evaluate(withUserHistory(counts), NOW)).hasSize(irregular ? 1 : 0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1 2 3 | 2", "4 1 3 2 | 2.5", "5 | 5"})
    void medianOfOddAndEvenCounts(String values, double median) {
        assertThat(IrregularUsageRule.median(Arrays.stream(values.split(" ")).mapToDouble(Double::parseDouble)
                .toArray())).isEqualTo(median);
    }
}
