package ai.dify.delms.alert.rules.internal;

import static ai.dify.delms.alert.rules.internal.RuleFixtures.NOW;
import static ai.dify.delms.alert.rules.internal.RuleFixtures.withUserHistory;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.dify.delms.alert.licenseview.UsagePoint;
import ai.dify.delms.alert.rules.Finding;
import ai.dify.delms.alert.rules.LicenseFacts;

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

    /**
     * The threshold itself: eight reports of 40 users have no spread, so the deviation counted is the
     * larger floor, 10 % of 40 = 4; irregular is more than 5 × 4 = 20 away from 40. For 1000 users the
     * floor is 100, so more than 500 away.
     */
    @ParameterizedTest(name = "{0} x8 then {1}: irregular {2}")
    @CsvSource({
            "40,   60,   false",
            "40,   61,   true",
            "40,   20,   false",
            "40,   19,   true",
            "1000, 1500, false",
            "1000, 1501, true",
            "1000, 500,  false",
            "1000, 499,  true",
            "3,    13,   false",
            "3,    14,   true"})
    void moreThanFiveDeviationsFromTheMedianIsIrregular(int steady, int latest, boolean irregular) {
        int[] counts = new int[9];
        Arrays.fill(counts, steady);
        counts[8] = latest;

        assertThat(rule.evaluate(withUserHistory(counts), NOW)).hasSize(irregular ? 1 : 0);
    }

    /**
     * The eight reports before the latest are its history, no more, no fewer: nine older reports at 70
     * do not make 70 normal after eight at 40; four at 70 among the eight do (median 55), and the 40
     * before them does not count (with it the median would be 40).
     */
    @ParameterizedTest(name = "{0}: irregular {1}")
    @CsvSource(delimiter = '|', value = {
            "70 70 70 70 70 70 70 70 70 40 40 40 40 40 40 40 40 70 | true",
            "40 70 70 70 70 40 40 40 40 70                         | false"})
    void theHistoryIsTheLastEightReports(String users, boolean irregular) {
        int[] counts = Arrays.stream(users.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();

        assertThat(rule.evaluate(withUserHistory(counts), NOW)).hasSize(irregular ? 1 : 0);
    }

    /** Workspaces are judged like users, on their own history. */
    @ParameterizedTest(name = "workspaces {0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "5 5 5 5 5 5 5 5 5   | -",
            "5 5 5 5 5 5 5 5 40  | median-absolute-deviation",
            "5 5 0               | drop-to-zero"})
    void workspacesAreJudgedToo(String workspaces, String method) {
        int[] counts = Arrays.stream(workspaces.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        List<UsagePoint> points = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            points.add(new UsagePoint(NOW.minusSeconds(86_400L * (counts.length - i)), counts[i], 100));
        }
        LicenseFacts license = new LicenseFacts("ENT-202501-000001", null, "acme", "IN_USE", null, 1000, 1000,
                counts[counts.length - 1], 100, points.get(points.size() - 1).reportedAt(), null, NOW, points);

        List<Finding> findings = rule.evaluate(license, NOW);

        if (method == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(f -> assertThat(f.details())
                    .containsEntry("measure", "workspaces").containsEntry("method", method));
        }
    }
}
