package ai.dify.delms.deployment.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DeploymentStatsQueryTest {

    @Test
    void medianOfNothingIsUnknown() {
        assertThat(DeploymentStatsQuery.median(List.of())).isNull();
    }

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(DeploymentStatsQuery.median(List.of(7L))).isEqualTo(7.0);
        assertThat(DeploymentStatsQuery.median(List.of(1L, 3L, 100L))).isEqualTo(3.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(DeploymentStatsQuery.median(List.of(3L, 4L, 7L, 10L, 20L, 41L))).isEqualTo(8.5);
        assertThat(DeploymentStatsQuery.median(List.of(0L, 1L))).isEqualTo(0.5);
    }
}
