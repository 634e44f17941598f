package ai.dify.delms.license.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import ai.dify.delms.platform.time.BusinessTimeZone;

/**
 * The expiry job's rule ({@link License#expireIfDue}): a working license expires once its expiry
 * date has passed, that is from the business's day after it; suspended, terminated and already
 * expired licenses are left alone.
 */
class LicenseExpiryTest {

    private static final LocalDate EXPIRY = LocalDate.parse("2026-06-30");
    private static final Instant LATER = Licenses.NOW.plusSeconds(3600);
    private static final String JOB = "license-expiry-job";
    private static final Set<LicenseStatus> WORKING = EnumSet.of(LicenseStatus.CREATED, LicenseStatus.DEPLOYED,
            LicenseStatus.IN_USE, LicenseStatus.RENEWED);

    static Stream<Arguments> everyStatusAroundItsExpiryDate() {
        List<Arguments> cases = new ArrayList<>();
        for (LicenseStatus status : LicenseStatus.values()) {
            for (int daysAfterExpiry : new int[] {-30, -1, 0, 1, 400}) {
                boolean expires = WORKING.contains(status) && daysAfterExpiry > 0;
                cases.add(Arguments.of(status, daysAfterExpiry, expires));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, today is expiry {1} days: expires {2}")
    @MethodSource("everyStatusAroundItsExpiryDate")
    void aWorkingLicenseExpiresFromTheDayAfterItsExpiryDate(LicenseStatus status, int daysAfterExpiry,
            boolean expires) {
        License license = Licenses.subscription(status, EXPIRY);

        Optional<LicenseStatus> before = license.expireIfDue(EXPIRY.plusDays(daysAfterExpiry), JOB, LATER);

        assertThat(before).isEqualTo(expires ? Optional.of(status) : Optional.empty());
        assertThat(license.getStatus()).isEqualTo(expires ? LicenseStatus.EXPIRED : status);
        assertThat(license.getUpdatedBy().equals(JOB)).isEqualTo(expires);
    }

    @Test
    void theJobLooksAtExactlyTheStatusesThatExpire() {
        assertThat(LicenseStatus.expiringWhenDue()).isEqualTo(WORKING);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CREATED", "IN_USE", "RENEWED"})
    void aPerpetualLicenseNeverExpires(LicenseStatus status) {
        License license = Licenses.license(LicenseType.PERPETUAL, status, null, 10, 100, "ENT");

        assertThat(license.expireIfDue(LocalDate.parse("2999-12-31"), JOB, LATER)).isEmpty();
        assertThat(license.getStatus()).isEqualTo(status);
    }

    @ParameterizedTest(name = "expiry {0}, today {1}: expires {2}")
    @CsvSource({
            "2028-02-29, 2028-02-28, false",
            "2028-02-29, 2028-02-29, false",
            "2028-02-29, 2028-03-01, true",
            "2028-02-28, 2028-02-29, true",
            "2027-02-28, 2027-03-01, true",
            "2026-12-31, 2027-01-01, true",
            "2026-12-31, 2026-12-31, false"})
    void theDayAfterTheExpiryDateIsTheCalendarsDayAfter(LocalDate expiry, LocalDate today, boolean expires) {
        License license = Licenses.subscription(LicenseStatus.IN_USE, expiry);

        license.expireIfDue(today, JOB, LATER);

        assertThat(license.getStatus() == LicenseStatus.EXPIRED).isEqualTo(expires);
    }

    /** "Today" is the business's day (delms.business-time-zone), not the server's or UTC's. */
    @ParameterizedTest(name = "{1} in {0}: expires {2}")
    @CsvSource({
            "UTC,                 2026-06-30T23:59:59Z, false",
            "UTC,                 2026-07-01T00:00:00Z, true",
            "Asia/Tokyo,          2026-06-30T14:59:59Z, false",
            "Asia/Tokyo,          2026-06-30T15:00:00Z, true",
            "America/Los_Angeles, 2026-07-01T06:59:59Z, false",
            "America/Los_Angeles, 2026-07-01T07:00:00Z, true"})
    void theJobsTodayIsTheBusinessTimeZonesDay(ZoneId zone, Instant now, boolean expires) {
        License license = Licenses.subscription(LicenseStatus.IN_USE, EXPIRY);

        license.expireIfDue(new BusinessTimeZone(zone).dateOf(now), JOB, now);

        assertThat(license.getStatus() == LicenseStatus.EXPIRED).isEqualTo(expires);
    }

    @Test
    void aSuspendedLicenseReinstatedAfterItsExpiryDateExpiresOnTheNextRun() {
        License license = Licenses.suspendedFrom(LicenseStatus.IN_USE, EXPIRY);
        LocalDate today = EXPIRY.plusDays(10);
        assertThat(license.expireIfDue(today, JOB, LATER)).isEmpty();

        license.changeStatusByHand(LicenseStatus.IN_USE, "carol", LATER);

        assertThat(license.expireIfDue(today, JOB, LATER)).contains(LicenseStatus.IN_USE);
        assertThat(license.getStatus()).isEqualTo(LicenseStatus.EXPIRED);
    }

    @Test
    void aRenewedLicenseExpiresOnlyAfterItsNewExpiryDate() {
        License license = Licenses.subscription(LicenseStatus.EXPIRED, EXPIRY);
        LocalDate newExpiry = EXPIRY.plusYears(1);
        license.applyPurchase(Licenses.purchase(PurchaseType.RENEWAL, newExpiry, null, null, null), LATER, "bob",
                LATER);

        assertThat(license.expireIfDue(newExpiry, JOB, LATER)).isEmpty();
        assertThat(license.getStatus()).isEqualTo(LicenseStatus.RENEWED);
        assertThat(license.expireIfDue(newExpiry.plusDays(1), JOB, LATER)).contains(LicenseStatus.RENEWED);
    }

    @ParameterizedTest(name = "expiry {0}, today {1}: {2} days")
    @CsvSource({
            "2026-06-30, 2026-06-30, 0",
            "2026-06-30, 2026-06-29, 1",
            "2026-06-30, 2026-07-01, -1",
            "2028-03-01, 2028-02-28, 2",
            "2027-03-01, 2027-02-28, 1",
            "2029-02-28, 2028-02-29, 365",
            "2028-02-29, 2027-03-01, 365",
            "2026-06-30, 2026-04-01, 90"})
    void daysToExpiryCountCalendarDays(LocalDate expiry, LocalDate today, long days) {
        assertThat(Licenses.subscription(LicenseStatus.IN_USE, expiry).daysToExpiry(today)).isEqualTo(days);
    }

    @Test
    void aPerpetualLicenseHasNoDaysToExpiry() {
        License license = Licenses.license(LicenseType.PERPETUAL, LicenseStatus.IN_USE, null, 10, 100, "ENT");

        assertThat(license.daysToExpiry(LocalDate.parse("2026-06-30"))).isNull();
    }
}
