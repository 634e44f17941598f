package ai.dify.delms.license.license;

import static ai.dify.delms.license.license.LicenseStatus.CREATED;
import static ai.dify.delms.license.license.LicenseStatus.DEPLOYED;
import static ai.dify.delms.license.license.LicenseStatus.EXPIRED;
import static ai.dify.delms.license.license.LicenseStatus.IN_USE;
import static ai.dify.delms.license.license.LicenseStatus.RENEWED;
import static ai.dify.delms.license.license.LicenseStatus.SUSPENDED;
import static ai.dify.delms.license.license.LicenseStatus.TERMINATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Status changes by hand ({@code POST /licenses/{id}/transitions}): every status a license can be in,
 * a suspended one by the status it was suspended from, against every status it could be asked to
 * change to. By hand a license is only suspended, terminated, or reinstated to where it was.
 */
class LicenseManualTransitionsTest {

    private static final LocalDate EXPIRY = LocalDate.parse("2026-06-30");
    private static final Instant LATER = Licenses.NOW.plusSeconds(3600);

    /** Where a license starts and what it may change to by hand, written out here rather than read from the code. */
    private record From(LicenseStatus status, LicenseStatus suspendedFrom, Set<LicenseStatus> allowed) {

        License license() {
            return status == SUSPENDED ? Licenses.suspendedFrom(suspendedFrom, EXPIRY)
                    : Licenses.subscription(status, EXPIRY);
        }

        @Override
        public String toString() {
            return status == SUSPENDED ? "SUSPENDED from " + suspendedFrom : status.name();
        }
    }

    private static final List<From> TABLE = List.of(
            new From(CREATED, null, EnumSet.of(SUSPENDED, TERMINATED)),
            new From(DEPLOYED, null, EnumSet.of(SUSPENDED, TERMINATED)),
            new From(IN_USE, null, EnumSet.of(SUSPENDED, TERMINATED)),
            new From(RENEWED, null, EnumSet.of(SUSPENDED, TERMINATED)),
            new From(EXPIRED, null, EnumSet.of(TERMINATED)),
            new From(SUSPENDED, CREATED, EnumSet.of(CREATED, TERMINATED)),
            new From(SUSPENDED, DEPLOYED, EnumSet.of(DEPLOYED, TERMINATED)),
            new From(SUSPENDED, IN_USE, EnumSet.of(IN_USE, TERMINATED)),
            new From(SUSPENDED, RENEWED, EnumSet.of(RENEWED, TERMINATED)),
            new From(TERMINATED, null, EnumSet.noneOf(LicenseStatus.class)));

    static Stream<Arguments> legalChanges() {
        return everyChange(true);
    }

    static Stream<Arguments> illegalChanges() {
        return everyChange(false);
    }

    private static Stream<Arguments> everyChange(boolean legal) {
        List<Arguments> changes = new ArrayList<>();
        for (From from : TABLE) {
            for (LicenseStatus to : LicenseStatus.values()) {
                if (from.allowed().contains(to) == legal) {
                    changes.add(Arguments.of(from, to));
                }
            }
        }
        return changes.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("legalChanges")
    void aLegalChangeMovesTheLicenseAndSaysWhoDidItWhen(From from, LicenseStatus to) {
        License license = from.license();

        LicenseStatus returned = license.changeStatusByHand(to, "carol", LATER);

        assertThat(returned).as("the status before").isEqualTo(from.status());
        assertThat(license.getStatus()).isEqualTo(to);
        assertThat(license.getStatusBeforeSuspension()).as("remembered for reinstatement")
                .isEqualTo(to == SUSPENDED ? from.status() : null);
        assertThat(license.getUpdatedBy()).isEqualTo("carol");
        assertThat(license.getUpdatedAt()).isEqualTo(LATER);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("illegalChanges")
    void anIllegalChangeIsRefusedWithWhatIsAllowedAndChangesNothing(From from, LicenseStatus to) {
        License license = from.license();

        assertThatThrownBy(() -> license.changeStatusByHand(to, "carol", LATER))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.current()).isEqualTo(from.status());
                    assertThat(e.allowed()).isEqualTo(from.allowed());
                    assertThat(e.properties()).containsEntry("currentStatus", from.status())
                            .containsEntry("allowedTransitions",
                                    from.allowed().stream().map(Enum::name).sorted().toList());
                });
        assertThat(license.getStatus()).isEqualTo(from.status());
        assertThat(license.getStatusBeforeSuspension()).isEqualTo(from.suspendedFrom());
        assertThat(license.getUpdatedBy()).isNotEqualTo("carol");
    }

    /** A refusal explains an automatic status, which no one sets by hand, but not a manual one not allowed now. */
    @ParameterizedTest(name = "{0} -> {1}: explains automatic statuses {2}")
    @CsvSource({
            "IN_USE,  DEPLOYED,   true",
            "IN_USE,  EXPIRED,    true",
            "CREATED, RENEWED,    true",
            "EXPIRED, SUSPENDED,  false",
            "IN_USE,  IN_USE,     true"})
    void aRefusalSaysWhenTheStatusIsSetAutomatically(LicenseStatus from, LicenseStatus to, boolean explained) {
        License license = Licenses.subscription(from, EXPIRY);

        assertThatThrownBy(() -> license.changeStatusByHand(to, "carol", LATER))
                .isInstanceOf(IllegalTransitionException.class)
                .satisfies(e -> assertThat(e.getMessage().contains("is set automatically")).isEqualTo(explained));
    }

    @Test
    void aLicenseSuspendedAgainReturnsToWhereItWasTheSecondTime() {
        License license = Licenses.subscription(CREATED, EXPIRY);
        license.changeStatusByHand(SUSPENDED, "carol", LATER);
        license.changeStatusByHand(CREATED, "carol", LATER);
        license.deploymentCompleted("erin", LATER);

        license.changeStatusByHand(SUSPENDED, "carol", LATER);

        assertThatThrownBy(() -> license.changeStatusByHand(CREATED, "carol", LATER))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(license.changeStatusByHand(DEPLOYED, "carol", LATER)).isEqualTo(SUSPENDED);
        assertThat(license.getStatus()).isEqualTo(DEPLOYED);
    }
}
