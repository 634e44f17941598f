package ai.dify.delms.alert.rules.internal;

import static ai.dify.delms.alert.rules.internal.RuleFixtures.NOW;
import static ai.dify.delms.alert.rules.internal.RuleFixtures.license;
import static ai.dify.delms.alert.rules.internal.RuleFixtures.withStatusSince;
import static ai.dify.delms.alert.rules.internal.RuleFixtures.withUsage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.rules.AlertRulesProperties;
import ai.dify.delms.alert.rules.Finding;
import ai.dify.delms.alert.rules.LicenseFacts;

class InactivityRuleTest {

    private final InactivityRule rule = new InactivityRule(RuleFixtures.defaults());

    @ParameterizedTest(name = "{0}, last report {1} days ago, status since {2} days: inactive {3}")
    @CsvSource(nullValues = "never", value = {
            "IN_USE,     29,    100, false",
            "IN_USE,     30,    100, true",
            "RENEWED,    45,    2,   true",
            "DEPLOYED,   never, 29,  false",
            "DEPLOYED,   never, 31,  true",
            "CREATED,    never, 300, false",
            "SUSPENDED,  90,    60,  false",
            "EXPIRED,    90,    60,  false"})
    void deployedOrUsedLicenseWithoutReportsForThirtyDaysIsInactive(String status, Integer reportDaysAgo,
            int statusDaysAgo, boolean inactive) {
        LicenseFacts license = withStatusSince(license(status, null), NOW.minus(Duration.ofDays(statusDaysAgo)));
        if (reportDaysAgo != null) {
            license = withUsage(license, 1, 1, NOW.minus(Duration.ofDays(reportDaysAgo)));
        }

        assertThat(rule.evaluate(license, NOW)).hasSize(inactive ? 1 : 0);
    }

    /** Whole days of silence count: 30 days to the second is inactive, a second less is not. */
    @ParameterizedTest(name = "last report {0} ago: inactive {1}")
    @CsvSource({
            "PT719H59M59S, false",
            "PT720H,       true",
            "PT720H1S,     true",
            "PT743H59M,    true",
            "PT0S,         false",
            "-PT1H,        false"})
    void theThresholdIsThirtyWholeDays(Duration silence, boolean inactive) {
        LicenseFacts license = withUsage(license("IN_USE", null), 1, 1, NOW.minus(silence));

        assertThat(rule.evaluate(license, NOW)).hasSize(inactive ? 1 : 0);
    }

    /** Without a report the silence counts from the status change, else from the creation; with neither, nothing is judged. */
    @ParameterizedTest(name = "report {0}, status since {1}, created {2} days ago: inactive {3}")
    @CsvSource(nullValues = "-", value = {
            "5,  60, 90, false",
            "40, 5,  90, true",
            "-,  5,  90, false",
            "-,  40, 90, true",
            "-,  -,  29, false",
            "-,  -,  30, true",
            "-,  -,  -,  false"})
    void theSilenceCountsFromTheLatestReportElseTheStatusChangeElseTheCreation(Integer reportDaysAgo,
            Integer statusDaysAgo, Integer createdDaysAgo, boolean inactive) {
        LicenseFacts license = new LicenseFacts("ENT-202501-000001", null, "acme", "DEPLOYED", null, 10, 100,
                reportDaysAgo == null ? null : 1, reportDaysAgo == null ? null : 1, daysAgo(reportDaysAgo),
                daysAgo(statusDaysAgo), daysAgo(createdDaysAgo), List.of());

        assertThat(rule.evaluate(license, NOW)).hasSize(inactive ? 1 : 0);
    }

    /** After 7 days, and only for licenses in use: a deployed license that was never used is not judged. */
    @ParameterizedTest(name = "{0}, silent {1} days: inactive {2}")
    @CsvSource({"IN_USE, 6, false", "IN_USE, 7, true", "DEPLOYED, 60, false", "RENEWED, 60, false"})
    void thresholdAndStatusesAreConfigurable(String status, int silentDays, boolean inactive) {
        AlertRulesProperties defaults = RuleFixtures.defaults();
        InactivityRule rule = new InactivityRule(new AlertRulesProperties(defaults.expiry(), defaults.overuse(),
                new AlertRulesProperties.Inactivity(7, List.of("IN_USE")), defaults.irregularUsage()));
        LicenseFacts license = withUsage(license(status, null), 1, 1, NOW.minus(Duration.ofDays(silentDays)));

        assertThat(rule.evaluate(license, NOW)).hasSize(inactive ? 1 : 0);
    }

    @Test
    void aFindingTellsHowLongTheLicenseWasSilent() {
        Instant lastReport = NOW.minus(Duration.ofDays(45));

        Finding finding = rule.evaluate(withUsage(license("IN_USE", null), 1, 1, lastReport), NOW).get(0);

        assertThat(finding.type()).isEqualTo(AlertType.INACTIVE);
        assertThat(finding.details()).containsEntry("silentDays", 45L)
                .containsEntry("lastUsageReportedAt", lastReport.toString());
    }

    private static Instant daysAgo(Integer days) {
        return days == null ? null : NOW.minus(Duration.ofDays(days));
    }
}
