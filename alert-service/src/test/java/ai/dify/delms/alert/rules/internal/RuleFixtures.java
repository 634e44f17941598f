package ai.dify.delms.alert.rules.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ai.dify.delms.alert.licenseview.UsagePoint;
import ai.dify.delms.alert.rules.AlertRulesProperties;
import ai.dify.delms.alert.rules.LicenseFacts;
import ai.dify.delms.platform.time.BusinessTimeZone;

/** Licenses as the rules see them, built in a line. */
final class RuleFixtures {

    static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    static final BusinessTimeZone UTC = new BusinessTimeZone(ZoneOffset.UTC);

    private RuleFixtures() {
    }

    static AlertRulesProperties defaults() {
        return new AlertRulesProperties(new AlertRulesProperties.Expiry(90, 60, 30),
                new AlertRulesProperties.Overuse(0), new AlertRulesProperties.Inactivity(30, List.of("DEPLOYED", "IN_USE", "RENEWED")),
                new AlertRulesProperties.IrregularUsage(8, 4, 5, 2, 10));
    }

    static LicenseFacts license(String status, LocalDate expiryDate) {
        return new LicenseFacts("ENT-202501-000001", UUID.randomUUID(), "acme", status, expiryDate, 10, 100, null, null,
                null, null, NOW.minusSeconds(86_400 * 400L), List.of());
    }

    static LicenseFacts withUsage(LicenseFacts license, int workspaces, int users, Instant reportedAt) {
        return new LicenseFacts(license.licenseId(), license.customerId(), license.resellerId(), license.status(),
                license.expiryDate(), license.authorizedWorkspaces(), license.authorizedUsers(), workspaces, users,
                reportedAt, license.statusChangedAt(), license.createdAt(), license.recentUsage());
    }

    static LicenseFacts withStatusSince(LicenseFacts license, Instant since) {
        return new LicenseFacts(license.licenseId(), license.customerId(), license.resellerId(), license.status(),
                license.expiryDate(), license.authorizedWorkspaces(), license.authorizedUsers(), license.usageWorkspaces(),
                license.usageUsers(), license.usageReportedAt(), since, license.createdAt(), license.recentUsage());
    }

    /** A license whose reports counted these users (workspaces 5 each), one a day, the last one latest. */
    static LicenseFacts withUserHistory(int... users) {
        List<UsagePoint> points = new ArrayList<>();
        for (int i = 0; i < users.length; i++) {
            points.add(new UsagePoint(NOW.minusSeconds(86_400L * (users.length - i)), 5, users[i]));
        }
        UsagePoint latest = points.get(points.size() - 1);
        LicenseFacts license = license("IN_USE", TODAY.plusYears(1));
        return new LicenseFacts(license.licenseId(), license.customerId(), license.resellerId(), license.status(),
                license.expiryDate(), 1000, 1000, latest.workspaces(), latest.users(), latest.reportedAt(), null,
                license.createdAt(), points);
    }
}
