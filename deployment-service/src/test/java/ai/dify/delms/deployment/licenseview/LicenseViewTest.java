package ai.dify.delms.deployment.licenseview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicenseViewTest {

    @ParameterizedTest(name = "{0} accepts deployments: {1}")
    @CsvSource({
            "CREATED, true", "DEPLOYED, true", "IN_USE, true", "RENEWED, true", "SUSPENDED, true",
            "EXPIRED, true", "TERMINATED, false", "SOME_FUTURE_STATUS, true"})
    void onlyATerminatedLicenseRefusesDeployments(String status, boolean accepts) {
        LicenseView view = new LicenseView("ENT-202503-000001", status, Instant.EPOCH, Instant.EPOCH);

        assertThat(view.acceptsDeployments()).isEqualTo(accepts);
    }

    @Test
    void onlyANewerVersionOfTheLicenseIsTaken() {
        LicenseView view = new LicenseView("ENT-202503-000002", "CREATED", Instant.EPOCH, Instant.EPOCH);
        assertThat(view.isBehind(0)).as("no version seen yet").isTrue();
        assertThat(view.takesUnversioned()).isTrue();

        view.describe("TERMINATED", LocalDate.of(2025, 3, 1), 4, Instant.EPOCH);

        assertThat(view.isBehind(3)).isFalse();
        assertThat(view.isBehind(4)).as("the same version is the same state").isFalse();
        assertThat(view.isBehind(5)).isTrue();
        assertThat(view.takesUnversioned()).as("an event without a version is older").isFalse();
    }
}
