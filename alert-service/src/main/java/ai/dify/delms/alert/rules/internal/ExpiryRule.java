package ai.dify.delms.alert.rules.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.rules.AlertRulesProperties;
import ai.dify.delms.alert.rules.Finding;
import ai.dify.delms.alert.rules.LicenseFacts;
import ai.dify.delms.platform.time.BusinessTimeZone;

/**
 * EXPIRING_90 / EXPIRING_60 / EXPIRING_30 (INFO, INFO, WARNING) while the expiry date is that many
 * days away or fewer — only the nearest window, so moving into the next one resolves the previous —
 * and EXPIRED (CRITICAL) once the expiry date has passed or license-service has expired the license.
 * A license without an expiry date (perpetual) never expires. A renewal moves the expiry date and
 * so resolves whichever of these was open.
 */
@Component
class ExpiryRule implements AlertRule {

    private final AlertRulesProperties.Expiry windows;
    private final BusinessTimeZone businessTime;

    ExpiryRule(AlertRulesProperties properties, BusinessTimeZone businessTime) {
        this.windows = properties.expiry();
        this.businessTime = businessTime;
    }

    @Override
    public Set<AlertType> types() {
        return Set.of(AlertType.EXPIRING_90, AlertType.EXPIRING_60, AlertType.EXPIRING_30, AlertType.EXPIRED);
    }

    /** The start of the business day on which the license enters its next window, or expires. */
    @Override
    public Optional<Instant> nextChange(LicenseFacts license, Instant now) {
        LocalDate expiry = license.expiryDate();
        LocalDate today = businessTime.dateOf(now);
        if (license.hasStatus("EXPIRED") || expiry == null || expiry.isBefore(today)) {
            return Optional.empty();
        }
        return Stream.of(expiry.minusDays(windows.firstNoticeDays()), expiry.minusDays(windows.secondNoticeDays()),
                        expiry.minusDays(windows.finalNoticeDays()), expiry.plusDays(1))
                .filter(day -> day.isAfter(today)).min(LocalDate::compareTo).map(businessTime::startOf);
    }

    @Override
    public List<Finding> evaluate(LicenseFacts license, Instant now) {
        LocalDate expiry = license.expiryDate();
        // the business's day, as license-service's expiry job takes it: EXPIRED on the day the license expires
        LocalDate today = businessTime.dateOf(now);
        boolean expiredByDate = expiry != null && expiry.isBefore(today);
        if (license.hasStatus("EXPIRED") || expiredByDate) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("expiryDate", expiry == null ? null : expiry.toString());
            details.put("status", license.status());
            return List.of(new Finding(AlertType.EXPIRED, AlertSeverity.CRITICAL,
                    "License " + license.licenseId() + " has expired" + (expiry == null ? "" : " on " + expiry),
                    details));
        }
        if (expiry == null) {
            return List.of();
        }
        long daysToExpiry = ChronoUnit.DAYS.between(today, expiry);
        AlertType type;
        AlertSeverity severity;
        if (daysToExpiry <= windows.finalNoticeDays()) {
            type = AlertType.EXPIRING_30;
            severity = AlertSeverity.WARNING;
        } else if (daysToExpiry <= windows.secondNoticeDays()) {
            type = AlertType.EXPIRING_60;
            severity = AlertSeverity.INFO;
        } else if (daysToExpiry <= windows.firstNoticeDays()) {
            type = AlertType.EXPIRING_90;
            severity = AlertSeverity.INFO;
        } else {
            return List.of();
        }
        return List.of(new Finding(type, severity,
                "License " + license.licenseId() + " expires on " + expiry + " (in " + daysToExpiry + " days)",
                Map.of("expiryDate", expiry.toString(), "daysToExpiry", daysToExpiry)));
    }
}
