package ai.dify.delms.alert.rules.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.rules.AlertRulesProperties;
import ai.dify.delms.alert.rules.Finding;
import ai.dify.delms.alert.rules.LicenseFacts;

/**
 * INACTIVE (WARNING): a license that is deployed or in use (the configured statuses) has had no
 * usage report for {@code afterDays} days — counted from its latest report, or, before any report,
 * from when it entered its status. Resolves when reports resume (or the license leaves those statuses).
 */
@Component
class InactivityRule implements AlertRule {

    private final AlertRulesProperties.Inactivity inactivity;

    InactivityRule(AlertRulesProperties properties) {
        this.inactivity = properties.inactivity();
    }

    @Override
    public Set<AlertType> types() {
        return Set.of(AlertType.INACTIVE);
    }

    /** The moment the license has been silent for {@code afterDays}, if that is still ahead. */
    @Override
    public Optional<Instant> nextChange(LicenseFacts license, Instant now) {
        return lastSign(license).map(last -> last.plus(Duration.ofDays(inactivity.afterDays())))
                .filter(inactiveFrom -> inactiveFrom.isAfter(now));
    }

    @Override
    public List<Finding> evaluate(LicenseFacts license, Instant now) {
        Instant lastSign = lastSign(license).orElse(null);
        if (lastSign == null) {
            return List.of();
        }
        long silentDays = Duration.between(lastSign, now).toDays();
        if (silentDays < inactivity.afterDays()) {
            return List.of();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lastUsageReportedAt", license.usageReportedAt() == null ? null : license.usageReportedAt().toString());
        details.put("silentDays", silentDays);
        details.put("afterDays", inactivity.afterDays());
        String since = license.usageReportedAt() == null ? "no usage report since it became " + license.status()
                : "no usage report";
        return List.of(new Finding(AlertType.INACTIVE, AlertSeverity.WARNING,
                "License " + license.licenseId() + ": " + since + " for " + silentDays + " days", details));
    }

    /** The latest sign of life of a license in one of the watched statuses; empty for any other. */
    private Optional<Instant> lastSign(LicenseFacts license) {
        if (license.status() == null || !inactivity.statuses().contains(license.status())) {
            return Optional.empty();
        }
        return Optional.ofNullable(license.usageReportedAt() != null ? license.usageReportedAt()
                : license.statusChangedAt() != null ? license.statusChangedAt() : license.createdAt());
    }
}
