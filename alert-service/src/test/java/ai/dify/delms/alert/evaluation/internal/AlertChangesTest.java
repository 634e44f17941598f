package ai.dify.delms.alert.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.dify.delms.alert.alert.Alert;
import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.rules.AlertRules;
import ai.dify.delms.alert.rules.Finding;
import ai.dify.delms.alert.rules.LicenseFacts;
import ai.dify.delms.alert.rules.internal.DefaultRules;

/**
 * Which alerts an evaluation raises and resolves ({@link AlertChanges}): one alert per condition
 * while it holds, resolved when it ends. Types are space-separated lists; "-" is none.
 */
class AlertChangesTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    @ParameterizedTest(name = "open [{0}], found [{1}] -> raise [{2}], resolve [{3}]")
    @CsvSource(nullValues = "-", value = {
            // a condition found for the first time raises its alert; one already open is not raised again
            "-,                           -,                                -,                  -",
            "-,                           EXPIRING_90,                      EXPIRING_90,        -",
            "EXPIRING_90,                 EXPIRING_90,                      -,                  -",
            // the expiry windows follow each other: the nearer one replaces the farther one
            "EXPIRING_90,                 EXPIRING_60,                      EXPIRING_60,        EXPIRING_90",
            "EXPIRING_30,                 EXPIRED,                          EXPIRED,            EXPIRING_30",
            // a condition that ended (renewal, report back within the limit) resolves
            "EXPIRING_60,                 -,                                -,                  EXPIRING_60",
            "OVERUSE_USERS,               OVERUSE_WORKSPACES,               OVERUSE_WORKSPACES, OVERUSE_USERS",
            "OVERUSE_USERS,               OVERUSE_USERS OVERUSE_WORKSPACES, OVERUSE_WORKSPACES, -",
            "EXPIRING_30 INACTIVE,        EXPIRING_30 IRREGULAR_USAGE,      IRREGULAR_USAGE,    INACTIVE",
            "EXPIRED OVERUSE_USERS INACTIVE, -,                             -,                  EXPIRED OVERUSE_USERS INACTIVE"})
    void aFindingRaisesItsAlertOnceAndAnEndedConditionResolvesIt(String open, String found, String raised,
            String resolved) {
        List<Alert> openAlerts = alerts(types(open));

        AlertChanges changes = AlertChanges.between(EnumSet.allOf(AlertType.class), findings(types(found)),
                openAlerts);

        assertThat(changes.toRaise()).extracting(Finding::type).containsExactlyInAnyOrderElementsOf(types(raised));
        assertThat(changes.toResolve()).extracting(Alert::getType)
                .containsExactlyInAnyOrderElementsOf(types(resolved));
        assertThat(openAlerts).as("the very alerts that were open are resolved").containsAll(changes.toResolve());
    }

    /** An alert of a type no rule decides on (a rule switched off, a type of an older version) is left as it is. */
    @Test
    void anAlertOfATypeNoRuleDecidesOnStaysOpen() {
        Set<AlertType> decided = EnumSet.complementOf(EnumSet.of(AlertType.IRREGULAR_USAGE));

        AlertChanges changes = AlertChanges.between(decided, findings(List.of()),
                alerts(List.of(AlertType.IRREGULAR_USAGE, AlertType.INACTIVE)));

        assertThat(changes.toResolve()).extracting(Alert::getType).containsExactly(AlertType.INACTIVE);
        assertThat(changes.toRaise()).isEmpty();
    }

    /**
     * A license evaluated day by day as its expiry date comes and goes, with the default windows: each
     * window's alert is raised on the day it starts and resolved when the next one starts; a renewal
     * resolves the last one.
     */
    @Test
    void aLicenseApproachingItsExpiryDateHasOneExpiryAlertAtATime() {
        AlertRules rules = DefaultRules.expiryOnly();
        LocalDate expiry = LocalDate.parse("2026-06-30");
        List<Alert> open = new ArrayList<>();
        List<String> history = new ArrayList<>();

        for (int daysBefore : new int[] {120, 91, 90, 89, 61, 60, 59, 31, 30, 29, 1, 0, -1, -2}) {
            LocalDate today = expiry.minusDays(daysBefore);
            evaluate(rules, license("IN_USE", expiry), today, open, history);
        }
        evaluate(rules, license("RENEWED", expiry.plusYears(1)), expiry.plusDays(3), open, history);

        assertThat(history).containsExactly(
                "2026-04-01: raised EXPIRING_90",
                "2026-05-01: raised EXPIRING_60, resolved EXPIRING_90",
                "2026-05-31: raised EXPIRING_30, resolved EXPIRING_60",
                "2026-07-01: raised EXPIRED, resolved EXPIRING_30",
                "2026-07-03: resolved EXPIRED");
        assertThat(open).isEmpty();
    }

    private static void evaluate(AlertRules rules, LicenseFacts license, LocalDate today, List<Alert> open,
            List<String> history) {
        Instant now = today.atTime(9, 0).toInstant(ZoneOffset.UTC);
        AlertChanges changes = AlertChanges.between(rules.types(), rules.evaluate(license, now), open);
        open.removeAll(changes.toResolve());
        changes.toRaise().forEach(f -> open.add(alert(f.type())));
        List<String> what = new ArrayList<>();
        changes.toRaise().forEach(f -> what.add("raised " + f.type()));
        changes.toResolve().forEach(a -> what.add("resolved " + a.getType()));
        if (!what.isEmpty()) {
            history.add(today + ": " + String.join(", ", what));
        }
    }

    private static LicenseFacts license(String status, LocalDate expiry) {
        return new LicenseFacts("ENT-202501-000001", UUID.randomUUID(), "acme", status, expiry, 10, 100, null, null,
                null, null, NOW.minusSeconds(86_400 * 400L), List.of());
    }

    private static List<AlertType> types(String list) {
        return list == null ? List.of() : Arrays.stream(list.trim().split("\\s+")).map(AlertType::valueOf).toList();
    }

    private static Map<AlertType, Finding> findings(List<AlertType> types) {
        Map<AlertType, Finding> findings = new EnumMap<>(AlertType.class);
        types.forEach(type -> findings.put(type, new Finding(type, AlertSeverity.INFO, type + " found", Map.of())));
        return findings;
    }

    private static List<Alert> alerts(List<AlertType> types) {
        return new ArrayList<>(types.stream().map(AlertChangesTest::alert).toList());
    }

    private static Alert alert(AlertType type) {
        return Alert.raise("ENT-202501-000001", UUID.randomUUID(), "acme", type, AlertSeverity.INFO, type + " raised",
                Map.of(), NOW);
    }
}
