package ai.dify.delms.deployment.licenseview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

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
}
