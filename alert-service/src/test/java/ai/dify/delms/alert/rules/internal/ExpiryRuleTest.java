package ai.dify.delms.alert.rules.internal;

import static ai.dify.delms.alert.rules.internal.RuleFixtures.NOW;
import static ai.dify.delms.alert.rules.internal.RuleFixtures.TODAY;
import static ai.dify.delms.alert.rules.internal.RuleFixtures.license;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.rules.AlertRulesProperties;
import ai.dify.delms.alert.rules.Finding;
import ai.dify.delms.platform.time.BusinessTimeZone;

class ExpiryRuleTest {

    private final ExpiryRule rule = new ExpiryRule(RuleFixtures.defaults(), RuleFixtures.UTC);

    @ParameterizedTest(name = "{0} days to expiry, status {1}: {2}")
    @CsvSource(nullValues = "none", value = {
            "365, IN_USE,    none",
            "91,  IN_USE,    none",
            "90,  IN_USE,    EXPIRING_90",
            "89,  IN_USE,    EXPIRING_90",
            "61,  CREATED,   EXPIRING_90",
            "60,  IN_USE,    EXPIRING_60",
            "59,  IN_USE,    EXPIRING_60",
            "31,  SUSPENDED, EXPIRING_60",
            "30,  IN_USE,    EXPIRING_30",
            "29,  IN_USE,    EXPIRING_30",
            "1,   DEPLOYED,  EXPIRING_30",
            "0,   IN_USE,    EXPIRING_30",
            "-1,  IN_USE,    EXPIRED",
            "-400, RENEWED,  EXPIRED",
            "10,  EXPIRED,   EXPIRED"})
    void onlyTheNearestWindowIsFound(int daysToExpiry, String status, AlertType expected) {
        List<Finding> findings = rule.evaluate(license(status, TODAY.plusDays(daysToExpiry)), NOW);

        assertThat(findings).extracting(Finding::type).containsExactlyElementsOf(
                expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @CsvSource({"EXPIRING_90, INFO", "EXPIRING_60, INFO", "EXPIRING_30, WARNING", "EXPIRED, CRITICAL"})
    void severityRisesAsExpiryNears(AlertType type, AlertSeverity severity) {
        int days = switch (type) {
            case EXPIRING_90 -> 80;
            case EXPIRING_60 -> 50;
            case EXPIRING_30 -> 5;
            default -> -5;
        };
        assertThat(rule.evaluate(license("IN_USE", TODAY.plusDays(days)), NOW).get(0).severity()).isEqualTo(severity);
    }

    /** 16:00 UTC on 1 March is already 2 March in Tokyo: a license that expired on 1 March has expired there. */
    @Test
    void todayIsTheBusinessTimeZonesDay() {
        Instant afternoonInUtc = Instant.parse("2031-03-01T16:00:00Z");
        ExpiryRule inTokyo = new ExpiryRule(RuleFixtures.defaults(), new BusinessTimeZone(ZoneId.of("Asia/Tokyo")));

        assertThat(inTokyo.evaluate(license("IN_USE", LocalDate.parse("2031-03-01")), afternoonInUtc))
                .extracting(Finding::type).containsExactly(AlertType.EXPIRED);
        assertThat(inTokyo.evaluate(license("IN_USE", LocalDate.parse("2031-03-02")), afternoonInUtc).get(0).details())
                .containsEntry("daysToExpiry", 0L);
        assertThat(rule.evaluate(license("IN_USE", LocalDate.parse("2031-03-01")), afternoonInUtc))
                .as("the same moment in UTC").extracting(Finding::type).containsExactly(AlertType.EXPIRING_30);
    }

    @ParameterizedTest
    @CsvSource({"IN_USE", "CREATED"})
    void perpetualLicenseNeverExpires(String status) {
        assertThat(rule.evaluate(license(status, null), NOW)).isEmpty();
    }

    /** Windows of 120, 45 and 7 days instead of 90, 60 and 30: the alert types keep their names. */
    @ParameterizedTest(name = "{0} days to expiry: {1}")
    @CsvSource(nullValues = "none", value = {
            "121, none",
            "120, EXPIRING_90",
            "46,  EXPIRING_90",
            "45,  EXPIRING_60",
            "8,   EXPIRING_60",
            "7,   EXPIRING_30",
            "0,   EXPIRING_30",
            "-1,  EXPIRED"})
    void theWindowsAreConfigurable(int daysToExpiry, AlertType expected) {
        AlertRulesProperties defaults = RuleFixtures.defaults();
        ExpiryRule rule = new ExpiryRule(new AlertRulesProperties(new AlertRulesProperties.Expiry(120, 45, 7),
                defaults.overuse(), defaults.inactivity(), defaults.irregularUsage()), RuleFixtures.UTC);

        assertThat(rule.evaluate(license("IN_USE", TODAY.plusDays(daysToExpiry)), NOW)).extracting(Finding::type)
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    /** Days are calendar days: a 29 February between today and the expiry date is one of them. */
    @ParameterizedTest(name = "today {0}, expiry {1}: {2}")
    @CsvSource(nullValues = "none", value = {
            "2027-12-01, 2028-02-29, EXPIRING_90",
            "2027-12-01, 2028-03-01, none",
            "2028-02-29, 2028-05-29, EXPIRING_90",
            "2028-02-29, 2028-05-30, none",
            "2028-02-28, 2028-02-29, EXPIRING_30",
            "2028-03-01, 2028-02-29, EXPIRED"})
    void leapDaysCountLikeAnyOther(LocalDate today, LocalDate expiry, AlertType expected) {
        Instant now = today.atTime(12, 0).toInstant(ZoneOffset.UTC);

        assertThat(rule.evaluate(license("IN_USE", expiry), now)).extracting(Finding::type)
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void aFindingTellsTheExpiryDateAndTheDaysLeft() {
        Finding finding = rule.evaluate(license("IN_USE", TODAY.plusDays(45)), NOW).get(0);

        assertThat(finding.details()).containsEntry("expiryDate", TODAY.plusDays(45).toString())
                .containsEntry("daysToExpiry", 45L);
        assertThat(finding.message()).contains("in 45 days");
    }

    /** license-service's word counts: a license it expired is EXPIRED here too, even without an expiry date. */
    @Test
    void aLicenseExpiredByLicenseServiceIsExpiredEvenWithoutADate() {
        Finding finding = rule.evaluate(license("EXPIRED", null), NOW).get(0);

        assertThat(finding.type()).isEqualTo(AlertType.EXPIRED);
        assertThat(finding.message()).endsWith("has expired");
    }
}
