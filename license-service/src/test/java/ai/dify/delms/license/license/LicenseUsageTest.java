package ai.dify.delms.license.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.dify.delms.platform.problem.BadFieldException;

/**
 * Usage reports ({@link License#recordUsage}): a license not in use yet, or just renewed, is IN_USE
 * from its first report; the latest report by its own time is the license's usage, and above either
 * limit the license is overused.
 */
class LicenseUsageTest {

    private static final LocalDate EXPIRY = LocalDate.parse("2026-06-30");
    private static final Instant T0 = Instant.parse("2026-02-02T08:00:00Z");
    private static final Instant LATER = T0.plusSeconds(3600);
    private static final Instant NOW_AT_SERVER = Instant.parse("2026-02-02T09:00:00.123456Z");

    @ParameterizedTest(name = "{0} + report -> {1}")
    @CsvSource({
            "CREATED,    IN_USE",
            "DEPLOYED,   IN_USE",
            "IN_USE,     IN_USE",
            "RENEWED,    IN_USE",
            "EXPIRED,    EXPIRED",
            "SUSPENDED,  SUSPENDED",
            "TERMINATED, TERMINATED"})
    void aReportPutsALicenseInUseOnlyFromCreatedDeployedOrRenewed(LicenseStatus status, LicenseStatus after) {
        License license = Licenses.subscription(status, EXPIRY);
        String updatedBy = license.getUpdatedBy();

        UsageApplied applied = license.recordUsage(new LatestUsage(3, 30, T0), "erin2", LATER);

        assertThat(license.getStatus()).isEqualTo(after);
        assertThat(applied.statusBefore()).isEqualTo(status);
        assertThat(applied.statusAfter()).isEqualTo(after);
        assertThat(applied.statusChanged()).isEqualTo(status != after);
        assertThat(license.getUpdatedBy()).as("a status change names who caused it; a report alone does not")
                .isEqualTo(status != after ? "erin2" : updatedBy);
        assertThat(license.getUsage()).as("the report is kept in every status").isEqualTo(new LatestUsage(3, 30, T0));
    }

    /** Authorized: 10 workspaces, 100 users. */
    @ParameterizedTest(name = "{0} workspaces, {1} users: overused {2}")
    @CsvSource({
            "0,  0,   false",
            "10, 100, false",
            "11, 100, true",
            "10, 101, true",
            "11, 101, true",
            "9,  99,  false",
            "1,  500, true"})
    void aReportAboveEitherLimitMakesTheLicenseOverused(int workspaces, int users, boolean overused) {
        License license = Licenses.subscription(LicenseStatus.DEPLOYED, EXPIRY);

        UsageApplied applied = license.recordUsage(new LatestUsage(workspaces, users, T0), "erin", LATER);

        assertThat(license.isOverused()).isEqualTo(overused);
        assertThat(applied.overusedBefore()).isFalse();
        assertThat(applied.overusedAfter()).isEqualTo(overused);
    }

    /** The second report is {@code offsetSeconds} after the first (negative: recorded late, it happened before). */
    @ParameterizedTest(name = "second report {0}s after the first: becomes the latest {1}")
    @CsvSource({
            "3600,  true",
            "1,     true",
            "0,     true",
            "-1,    false",
            "-3600, false"})
    void onlyAReportNotOlderThanTheLatestReplacesIt(long offsetSeconds, boolean becomesLatest) {
        License license = Licenses.subscription(LicenseStatus.DEPLOYED, EXPIRY);
        LatestUsage first = new LatestUsage(5, 50, T0);
        LatestUsage second = new LatestUsage(20, 20, T0.plusSeconds(offsetSeconds));
        license.recordUsage(first, "erin", LATER);

        UsageApplied applied = license.recordUsage(second, "erin", LATER);

        assertThat(applied.becameLatest()).isEqualTo(becomesLatest);
        assertThat(applied.previous()).isEqualTo(first);
        assertThat(applied.firstReport()).isFalse();
        assertThat(license.getUsage()).isEqualTo(becomesLatest ? second : first);
        assertThat(license.isOverused()).as("judged on the latest report only").isEqualTo(becomesLatest);
    }

    /** A report recorded late is not the latest usage, but it still shows the renewed license is used. */
    @Test
    void aLateOlderReportStillPutsARenewedLicenseInUse() {
        License renewed = Licenses.subscription(LicenseStatus.RENEWED, EXPIRY);
        LatestUsage latest = renewed.getUsage();

        UsageApplied applied = renewed.recordUsage(new LatestUsage(2, 2, latest.reportedAt().minusSeconds(60)),
                "erin", LATER);

        assertThat(applied.becameLatest()).isFalse();
        assertThat(renewed.getStatus()).isEqualTo(LicenseStatus.IN_USE);
        assertThat(renewed.getUsage()).isEqualTo(latest);
    }

    @Test
    void onlyTheFirstReportIsTheFirst() {
        License license = Licenses.subscription(LicenseStatus.DEPLOYED, EXPIRY);

        UsageApplied first = license.recordUsage(new LatestUsage(1, 1, T0), "erin", LATER);
        UsageApplied second = license.recordUsage(new LatestUsage(1, 1, LATER), "erin", LATER);

        assertThat(first.firstReport()).isTrue();
        assertThat(first.previous()).isNull();
        assertThat(second.firstReport()).isFalse();
    }

    /** Overuse follows the limits as well as the usage: raising or lowering a limit can start or end it. */
    @ParameterizedTest(name = "{0} workspaces reported, limit changed to {1}: overused {2}")
    @CsvSource({
            "12, 20, false",
            "12, 12, false",
            "12, 11, true",
            "8,  8,  false",
            "8,  7,  true"})
    void overuseFollowsAChangedLimit(int workspaces, int newLimit, boolean overused) {
        License license = Licenses.subscription(LicenseStatus.DEPLOYED, EXPIRY);
        license.recordUsage(new LatestUsage(workspaces, 50, T0), "erin", LATER);
        LicenseEdit edit = license.editable();

        license.update(new LicenseEdit(edit.salesRepId(), edit.resellerId(), edit.orderDate(), edit.startDate(),
                edit.expiryDate(), newLimit, edit.authorizedUsers(), edit.notes()), "alice", LATER);

        assertThat(license.isOverused()).isEqualTo(overused);
    }

    @Test
    void anExpansionEndsOveruse() {
        License license = Licenses.subscription(LicenseStatus.DEPLOYED, EXPIRY);
        UsageApplied applied = license.recordUsage(new LatestUsage(15, 150, T0), "erin", LATER);
        assertThat(applied.overusedAfter()).isTrue();

        license.applyPurchase(Licenses.purchase(PurchaseType.EXPANSION, null, 15, 150, null), LATER, "bob", LATER);

        assertThat(license.isOverused()).isFalse();
    }

    /** A report's figures as sent, against a server clock at {@code NOW_AT_SERVER}; offsets in nanoseconds. */
    @ParameterizedTest(name = "{0} workspaces, {1} users, reported at now + {2} ns: refused {3}")
    @CsvSource(nullValues = "-", value = {
            "0,  0,  -1000000000000, -",
            "5,  5,  0,              -",
            "5,  5,  300000000000,   -",
            "5,  5,  300000000999,   -",
            "5,  5,  300000001000,   reportedAt",
            "5,  5,  86400000000000, reportedAt",
            "-1, 5,  0,              workspaces",
            "5,  -1, 0,              users",
            "-1, -1, 300000001000,   reportedAt"})
    void aReportIsCheckedBeforeItIsApplied(int workspaces, int users, long offsetNanos, String refusedField) {
        Instant reportedAt = NOW_AT_SERVER.plusNanos(offsetNanos);

        if (refusedField == null) {
            LatestUsage usage = LatestUsage.reported(workspaces, users, reportedAt, NOW_AT_SERVER);
            assertThat(usage).isEqualTo(new LatestUsage(workspaces, users, reportedAt.truncatedTo(ChronoUnit.MICROS)));
        } else {
            assertThatThrownBy(() -> LatestUsage.reported(workspaces, users, reportedAt, NOW_AT_SERVER))
                    .isInstanceOfSatisfying(BadFieldException.class,
                            e -> assertThat(e.field()).isEqualTo(refusedField));
        }
    }

    @Test
    void aReportWithoutATimeIsReportedNow() {
        assertThat(LatestUsage.reported(3, 4, null, NOW_AT_SERVER)).isEqualTo(new LatestUsage(3, 4, NOW_AT_SERVER));
    }

    @Test
    void aLicenseWithoutReportsIsNotOverused() {
        License license = Licenses.subscription(LicenseStatus.DEPLOYED, EXPIRY);

        assertThat(license.getUsage()).isNull();
        assertThat(license.isOverused()).isFalse();
    }
}
