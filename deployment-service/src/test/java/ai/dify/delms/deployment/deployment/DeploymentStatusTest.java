package ai.dify.delms.deployment.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dify.delms.deployment.deployment.internal.DeploymentStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "SCHEDULED, IN_PROGRESS, true", "SCHEDULED, CANCELLED, true", "SCHEDULED, COMPLETED, false",
            "SCHEDULED, FAILED, false", "SCHEDULED, SCHEDULED, false",
            "IN_PROGRESS, COMPLETED, true", "IN_PROGRESS, FAILED, true", "IN_PROGRESS, CANCELLED, false",
            "IN_PROGRESS, SCHEDULED, false", "IN_PROGRESS, IN_PROGRESS, false",
            "COMPLETED, IN_PROGRESS, false", "COMPLETED, FAILED, false", "COMPLETED, SCHEDULED, false",
            "FAILED, IN_PROGRESS, false", "FAILED, COMPLETED, false", "FAILED, SCHEDULED, false",
            "CANCELLED, SCHEDULED, false", "CANCELLED, IN_PROGRESS, false", "CANCELLED, COMPLETED, false"})
    void onlyTheTableMovesAreAllowed(DeploymentStatus from, DeploymentStatus to, boolean allowed) {
        assertThat(from.canChangeTo(to)).isEqualTo(allowed);
        assertThat(from.allowedNext().contains(to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} active: {1}")
    @CsvSource({"SCHEDULED, true", "IN_PROGRESS, true", "COMPLETED, false", "FAILED, false", "CANCELLED, false"})
    void scheduledAndInProgressAreActive(DeploymentStatus status, boolean active) {
        assertThat(status.isActive()).isEqualTo(active);
    }
}
