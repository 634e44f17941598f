package ai.dify.delms.alert.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import ai.dify.delms.alert.LicenseEventsFixture;
import ai.dify.delms.alert.LicenseEventsFixture.State;
import ai.dify.delms.alert.TestClock;
import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.evaluation.internal.LicenseScan;
import ai.dify.delms.alert.licenseview.LicenseModel;
import ai.dify.delms.alert.licenseview.LicenseModels;
import ai.dify.delms.alert.licenseview.UsageHistory;
import ai.dify.delms.alert.rules.AlertRules;
import ai.dify.delms.alert.rules.LicenseFacts;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.kafka.TestKafka;

/**
 * The incremental and the full scan (docs/decisions.md, 39) against what the rules find: after random
 * license events and changes over simulated days, every license's open alerts are exactly what
 * evaluating it now finds, nothing is raised twice, and a license changed without an evaluation is
 * picked up. The checks look at this test's licenses only (others share the database).
 */
@DelmsServiceTest
@Import(TestClock.Config.class)
@TestPropertySource(properties = {"delms.alerts.scan.enabled=false", "delms.alerts.scan.batch-size=7"})
class LicenseScanIT {

    private static final int LIMIT_WORKSPACES = 10;
    private static final int LIMIT_USERS = 100;

    @Autowired
    TestKafka kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    LicenseScan scan;
    @Autowired
    LicenseModels models;
    @Autowired
    UsageHistory usageHistory;
    @Autowired
    AlertRules rules;

    LicenseEventsFixture events;

    @BeforeEach
    void fixture() {
        events = new LicenseEventsFixture(kafka, jdbc, clock);
    }

    /**
     * 40 licenses over 36 days: each day some get events (usage, renewals, shortened terms, status
     * changes, a redelivery or an older version arriving late), some change without an evaluation (as
     * in a replay), time crosses expiry windows and inactivity; then the day's scan — incremental on
     * most days, full on every fifth — and a second run of it, which must change nothing.
     */
    @Test
    void afterRandomChangesOverManyDaysEachScanLeavesExactlyTheAlertsTheRulesFind() {
        Random random = new Random(ThreadLocalRandom.current().nextLong());
        clock.set(Instant.parse("2036-03-01T08:00:00Z"));
        String prefix = "SIM-" + random.nextInt(100_000) + "-";
        Map<String, Versioned> licenses = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            String licenseId = prefix + i;
            State state = new State(i % 3 == 0 ? "DEPLOYED" : "IN_USE",
                    i % 7 == 0 ? null : today().plusDays(random.nextInt(140) - 5), LIMIT_WORKSPACES, LIMIT_USERS);
            events.created(licenseId, state);
            licenses.put(licenseId, new Versioned(0, state, events.lastEventJson()));
        }
        assertAlertsAreWhatTheRulesFind(licenses.keySet());

        for (int day = 1; day <= 36; day++) {
            clock.advance(Duration.ofDays(1).plusMinutes(random.nextInt(180)));
            for (int change = 0; change < 5; change++) {
                String licenseId = prefix + random.nextInt(licenses.size());
                licenses.put(licenseId, randomChange(licenseId, licenses.get(licenseId), random));
            }
            LicenseScan.ScanResult result = day % 5 == 0 ? scan.scanFull() : scan.scanDue();
            assertThat(result.ran()).isTrue();
            assertAlertsAreWhatTheRulesFind(licenses.keySet());

            List<String> alerts = alertsOf(prefix);
            LicenseScan.ScanResult again = day % 5 == 0 ? scan.scanFull() : scan.scanDue();
            assertThat(alertsOf(prefix)).as("day %d, scanned again: %s", day, again).isEqualTo(alerts);
        }
        List<String> alerts = alertsOf(prefix);
        scan.scanAll();
        assertThat(alertsOf(prefix)).as("after evaluating every license").isEqualTo(alerts);
        assertThat(alerts).as("the simulation raised alerts of several kinds").hasSizeGreaterThan(20);
    }

    @Test
    void licenseChangedWithoutAnEvaluationIsPickedUpByTheNextIncrementalScan() {
        clock.set(Instant.parse("2036-09-01T08:00:00Z"));
        String licenseId = LicenseEventsFixture.newLicenseId();
        State state = new State("IN_USE", today().plusYears(1), LIMIT_WORKSPACES, LIMIT_USERS);
        events.created(licenseId, state);
        scan.scanDue();
        assertThat(openTypes(licenseId)).isEmpty();

        clock.advance(Duration.ofHours(1));
        changeWithoutEvaluation(licenseId, "usage_users = ?, usage_workspaces = ?", 150, 5);
        clock.advance(Duration.ofMinutes(1));

        scan.scanDue();
        assertThat(openTypes(licenseId)).containsExactly(AlertType.OVERUSE_USERS);
        assertThat(models.find(licenseId).orElseThrow().getNextEvaluationAt()).as("no longer due")
                .isAfter(clock.instant());
    }

    @Test
    void redeliveredAndLateEventsLeaveTheScansNothingToRaiseTwice() {
        clock.set(Instant.parse("2037-02-01T08:00:00Z"));
        String licenseId = LicenseEventsFixture.newLicenseId();
        State limited = new State("IN_USE", today().plusYears(2), LIMIT_WORKSPACES, LIMIT_USERS);
        events.created(licenseId, limited);
        Instant reportedAt = clock.instant();
        events.usage(licenseId, 5, 150, reportedAt, 0, limited);
        String overuseReport = events.lastEventJson();
        assertThat(openTypes(licenseId)).containsExactly(AlertType.OVERUSE_USERS);

        clock.advance(Duration.ofHours(2));
        State raised = new State("IN_USE", today().plusYears(2), LIMIT_WORKSPACES, 200);
        events.updated(licenseId, 1, raised);
        assertThat(openTypes(licenseId)).isEmpty();

        events.resend(licenseId, overuseReport);
        events.usage(licenseId, 5, 150, reportedAt.minus(Duration.ofHours(1)), 0, limited);
        events.updated(licenseId, 0, limited);
        scan.scanDue();
        scan.scanFull();
        assertThat(openTypes(licenseId)).isEmpty();

        clock.advance(Duration.ofDays(31));
        scan.scanDue();
        scan.scanDue();
        scan.scanFull();
        assertThat(openTypes(licenseId)).containsExactly(AlertType.INACTIVE);
        assertThat(jdbc.queryForList("select type from alert where license_id = ? order by raised_at", String.class,
                licenseId)).containsExactly("OVERUSE_USERS", "INACTIVE");
    }

    /** What time would change but no scheduled evaluation says (a setting changed, say): the full scan catches it. */
    @Test
    void fullScanCatchesALicenseWhoseNextEvaluationWasMissed() {
        clock.set(Instant.parse("2037-06-01T08:00:00Z"));
        String licenseId = LicenseEventsFixture.newLicenseId();
        events.created(licenseId, new State("IN_USE", today().plusDays(95), LIMIT_WORKSPACES, LIMIT_USERS));
        events.usage(licenseId, 5, 50, clock.instant(), 0,
                new State("IN_USE", today().plusDays(95), LIMIT_WORKSPACES, LIMIT_USERS));
        jdbc.update("update license_model set next_evaluation_at = null where license_id = ?", licenseId);

        clock.advance(Duration.ofDays(10));
        scan.scanDue();
        assertThat(openTypes(licenseId)).as("not due").isEmpty();

        scan.scanFull();
        assertThat(openTypes(licenseId)).containsExactly(AlertType.EXPIRING_90);
    }

    @Test
    void theIncrementalAndTheFullScanAreEachClaimedOncePerPeriod() {
        clock.set(Instant.parse("2037-09-01T08:00:00Z"));
        assertThat(scan.runIncrementalIfClaimed().ran()).isTrue();
        assertThat(scan.runFullIfClaimed().ran()).as("the full scan has a claim of its own").isTrue();

        clock.advance(Duration.ofHours(1));
        assertThat(scan.runIncrementalIfClaimed().ran()).as("the next incremental period").isTrue();
        assertThat(scan.runFullIfClaimed().ran()).as("the same day's full scan").isFalse();

        clock.advance(Duration.ofDays(1));
        assertThat(scan.runFullIfClaimed().ran()).isTrue();
    }

    private Versioned randomChange(String licenseId, Versioned license, Random random) {
        State state = license.state();
        switch (random.nextInt(9)) {
            case 0, 1, 2 -> {
                events.usage(licenseId, 3 + random.nextInt(9), 40 + random.nextInt(80), clock.instant(),
                        license.version(), state);
                return license.withLastEvent(events.lastEventJson());
            }
            case 3 -> {
                State renewed = new State("RENEWED", (state.expiryDate() == null ? today() : state.expiryDate())
                        .plusDays(365), state.workspaces(), state.users());
                events.updated(licenseId, license.version() + 1, renewed);
                return new Versioned(license.version() + 1, renewed, events.lastEventJson());
            }
            case 4 -> {
                State shortened = new State(state.status(), today().plusDays(random.nextInt(100) - 2),
                        state.workspaces(), state.users());
                events.updated(licenseId, license.version() + 1, shortened);
                return new Versioned(license.version() + 1, shortened, events.lastEventJson());
            }
            case 5 -> {
                List<String> statuses = List.of("IN_USE", "DEPLOYED", "SUSPENDED", "EXPIRED", "TERMINATED");
                State moved = new State(statuses.get(random.nextInt(statuses.size())), state.expiryDate(),
                        state.workspaces(), state.users());
                events.statusChanged(licenseId, state.status(), license.version() + 1, moved);
                return new Versioned(license.version() + 1, moved, events.lastEventJson());
            }
            case 6 -> {
                // an older version of the license arriving late, and an event delivered twice
                events.updated(licenseId, Math.max(0, license.version() - 1), state);
                events.resend(licenseId, license.lastEvent());
                return license;
            }
            default -> {
                if (random.nextBoolean()) {
                    changeWithoutEvaluation(licenseId, "usage_users = ?, usage_reported_at = ?", 40 + random.nextInt(80),
                            Timestamp.from(clock.instant()));
                } else {
                    changeWithoutEvaluation(licenseId, "expiry_date = ?", today().plusDays(random.nextInt(100)));
                }
                return license;
            }
        }
    }

    /** A change of the read model that no evaluation follows (as in a replay): the model's own mark, by hand. */
    private void changeWithoutEvaluation(String licenseId, String assignments, Object... values) {
        List<Object> parameters = new ArrayList<>(List.of(values));
        parameters.add(Timestamp.from(clock.instant()));
        parameters.add(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        parameters.add(licenseId);
        assertThat(jdbc.update("update license_model set " + assignments
                + ", updated_at = ?, next_evaluation_at = ? where license_id = ?", parameters.toArray())).isOne();
    }

    private void assertAlertsAreWhatTheRulesFind(Set<String> licenseIds) {
        Instant now = clock.instant();
        for (String licenseId : licenseIds) {
            LicenseModel model = models.find(licenseId).orElseThrow();
            Set<AlertType> found = rules.evaluate(LicenseFacts.of(model, usageHistory.of(licenseId)), now).keySet();
            assertThat(openTypes(licenseId)).as("%s at %s: %s", licenseId, now, describe(model))
                    .isEqualTo(new TreeSet<>(found));
        }
    }

    private Set<AlertType> openTypes(String licenseId) {
        return new TreeSet<>(jdbc.queryForList("select type from alert where license_id = ? "
                + "and status in ('OPEN', 'ACKNOWLEDGED')", String.class, licenseId).stream()
                .map(AlertType::valueOf).toList());
    }

    /** Every alert of the licenses, with its status and when it was raised and resolved. */
    private List<String> alertsOf(String prefix) {
        return new ArrayList<>(jdbc.queryForList("select concat_ws(' ', license_id, type, status, raised_at, "
                + "coalesce(resolved_at, '-')) from alert where license_id like ? order by license_id, raised_at, type",
                String.class, prefix + "%"));
    }

    private static String describe(LicenseModel model) {
        return "status " + model.getStatus() + ", expiry " + model.getExpiryDate() + ", usage "
                + model.getUsageWorkspaces() + "/" + model.getUsageUsers() + " at " + model.getUsageReportedAt()
                + ", next evaluation " + model.getNextEvaluationAt();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private record Versioned(long version, State state, String lastEvent) {

        Versioned withLastEvent(String json) {
            return new Versioned(version, state, json);
        }
    }
}
