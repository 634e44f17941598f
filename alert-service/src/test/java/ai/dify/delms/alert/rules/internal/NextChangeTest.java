package ai.dify.delms.alert.rules.internal;

import static ai.dify.delms.alert.rules.internal.RuleFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.licenseview.UsagePoint;
import ai.dify.delms.alert.rules.AlertRules;
import ai.dify.delms.alert.rules.AlertRulesProperties;
import ai.dify.delms.alert.rules.LicenseFacts;
import ai.dify.delms.platform.time.BusinessTimeZone;

/**
 * When the rules say time alone next changes what they find, it does, and not before: the
 * incremental scan evaluates a license only then (docs/decisions.md, 39), so a moment said too late
 * would be an alert raised late.
 */
class NextChangeTest {

    private static final Duration STEP = Duration.ofMinutes(50);
    private static final Duration HORIZON = Duration.ofDays(200);

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Tokyo", "America/Los_Angeles"})
    void findingsStayTheSameUntilTheNextChangeAndDifferFromIt(String zone) {
        AlertRulesProperties properties = RuleFixtures.defaults();
        AlertRules rules = new AlertRules(List.of(new ExpiryRule(properties, new BusinessTimeZone(ZoneId.of(zone))),
                new OveruseRule(properties), new InactivityRule(properties), new IrregularUsageRule(properties, 12)));
        Random random = new Random(zone.hashCode());
        int changesSeen = 0;
        for (int i = 0; i < 150; i++) {
            LicenseFacts license = randomLicense(random);
            Set<AlertType> found = rules.evaluate(license, NOW).keySet();
            Optional<Instant> next = rules.nextChange(license, NOW);
            Instant until = next.filter(at -> at.isBefore(NOW.plus(HORIZON))).orElse(NOW.plus(HORIZON));
            for (Instant at = NOW; at.isBefore(until); at = at.plus(STEP)) {
                assertThat(rules.evaluate(license, at).keySet()).as("%s at %s (next change %s)", license, at, next)
                        .isEqualTo(found);
            }
            assertThat(rules.evaluate(license, until.minusNanos(1)).keySet()).as("%s just before %s", license, until)
                    .isEqualTo(found);
            if (next.isPresent()) {
                assertThat(next.get()).isAfter(NOW);
                assertThat(rules.evaluate(license, next.get()).keySet()).as("%s at its next change", license)
                        .isNotEqualTo(found);
                changesSeen++;
            }
        }
        assertThat(changesSeen).as("licenses that time changes, among the random ones").isGreaterThan(50);
    }

    private static LicenseFacts randomLicense(Random random) {
        List<String> statuses = Arrays.asList("CREATED", "DEPLOYED", "IN_USE", "RENEWED", "SUSPENDED", "EXPIRED",
                "TERMINATED", null);
        String status = statuses.get(random.nextInt(statuses.size()));
        LocalDate expiry = random.nextInt(8) == 0 ? null : RuleFixtures.TODAY.plusDays(random.nextInt(260) - 40);
        Instant reportedAt = random.nextBoolean() ? null : randomPast(random);
        List<UsagePoint> history = new ArrayList<>();
        Integer users = reportedAt == null ? null : 40 + random.nextInt(80);
        return new LicenseFacts("ENT-202501-" + random.nextInt(1_000_000), UUID.randomUUID(), "acme", status, expiry,
                10, 100, reportedAt == null ? null : 5, users, reportedAt,
                random.nextBoolean() ? null : randomPast(random), randomPast(random).minus(Duration.ofDays(60)), history);
    }

    private static Instant randomPast(Random random) {
        return NOW.minusSeconds(random.nextLong(Duration.ofDays(45).toSeconds()));
    }
}
