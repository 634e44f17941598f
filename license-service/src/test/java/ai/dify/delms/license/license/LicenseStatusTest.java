package ai.dify.delms.license.license;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LicenseStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "CREATED,   DEPLOYED,   true",
            "CREATED,   IN_USE,     true",
            "DEPLOYED,  IN_USE,     true",
            "DEPLOYED,  CREATED,    false",
            "IN_USE,    RENEWED,    true",
            "IN_USE,    DEPLOYED,   false",
            "RENEWED,   IN_USE,     true",
            "RENEWED,   EXPIRED,    true",
            "EXPIRED,   RENEWED,    true",
            "EXPIRED,   IN_USE,     false",
            "SUSPENDED, IN_USE,     true",
            "SUSPENDED, SUSPENDED,  false",
            "IN_USE,    SUSPENDED,  true",
            "TERMINATED, CREATED,   false",
            "TERMINATED, RENEWED,   false"})
    void transitionTable(LicenseStatus from, LicenseStatus to, boolean allowed) {
        assertThat(from.canChangeTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @EnumSource(value = LicenseStatus.class, names = "TERMINATED", mode = EnumSource.Mode.EXCLUDE)
    void everyStatusButTerminatedCanBeTerminated(LicenseStatus status) {
        assertThat(status.canChangeTo(LicenseStatus.TERMINATED)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(LicenseStatus.class)
    void terminatedIsFinal(LicenseStatus next) {
        assertThat(LicenseStatus.TERMINATED.canChangeTo(next)).isFalse();
    }

    @ParameterizedTest(name = "{0} (before suspension {1}) -> {2}")
    @CsvSource(nullValues = "-", value = {
            "CREATED,    -,        SUSPENDED;TERMINATED",
            "DEPLOYED,   -,        SUSPENDED;TERMINATED",
            "IN_USE,     -,        SUSPENDED;TERMINATED",
            "RENEWED,    -,        SUSPENDED;TERMINATED",
            "EXPIRED,    -,        TERMINATED",
            "SUSPENDED,  IN_USE,   IN_USE;TERMINATED",
            "SUSPENDED,  CREATED,  CREATED;TERMINATED",
            "TERMINATED, -,        -"})
    void manualTransitionsAreSuspendTerminateAndReinstate(LicenseStatus from, LicenseStatus before, String expected) {
        java.util.Set<LicenseStatus> next = expected == null ? java.util.Set.of()
                : java.util.Arrays.stream(expected.split(";")).map(LicenseStatus::valueOf)
                        .collect(java.util.stream.Collectors.toSet());
        assertThat(from.manualNext(before)).isEqualTo(next);
    }

    @ParameterizedTest
    @EnumSource(value = LicenseStatus.class, names = {"SUSPENDED", "TERMINATED"}, mode = EnumSource.Mode.EXCLUDE)
    void workingStatusesAreSetAutomatically(LicenseStatus status) {
        assertThat(status.isAutomatic()).isTrue();
    }
}
