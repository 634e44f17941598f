package ai.dify.delms.license.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A completed deployment ({@link License#deploymentCompleted}): only a license still CREATED becomes
 * DEPLOYED; in every other status it is a fact for the timeline and the status stays.
 */
class LicenseDeploymentTest {

    private static final Instant LATER = Licenses.NOW.plusSeconds(3600);

    @ParameterizedTest(name = "{0} + deployment -> {1}")
    @CsvSource({
            "CREATED,    DEPLOYED",
            "DEPLOYED,   DEPLOYED",
            "IN_USE,     IN_USE",
            "RENEWED,    RENEWED",
            "EXPIRED,    EXPIRED",
            "SUSPENDED,  SUSPENDED",
            "TERMINATED, TERMINATED"})
    void onlyACreatedLicenseBecomesDeployed(LicenseStatus status, LicenseStatus after) {
        License license = Licenses.subscription(status, LocalDate.parse("2026-06-30"));
        LicenseStatus suspendedFrom = license.getStatusBeforeSuspension();

        Optional<LicenseStatus> before = license.deploymentCompleted("erin2", LATER);

        assertThat(license.getStatus()).isEqualTo(after);
        assertThat(before).isEqualTo(status == after ? Optional.empty() : Optional.of(status));
        assertThat(license.getUpdatedBy().equals("erin2")).isEqualTo(status != after);
        assertThat(license.getStatusBeforeSuspension()).isEqualTo(suspendedFrom);
    }
}
