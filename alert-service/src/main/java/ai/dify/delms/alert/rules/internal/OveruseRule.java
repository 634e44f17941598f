package ai.dify.delms.alert.rules.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.rules.AlertRulesProperties;
import ai.dify.delms.alert.rules.Finding;
import ai.dify.delms.alert.rules.LicenseFacts;

/**
 * OVERUSE_WORKSPACES / OVERUSE_USERS (CRITICAL): the latest usage report counts more workspaces
 * (users) than authorized, by more than the tolerance percentage. Resolves when a later report is
 * back within the limit or the limit is raised.
 */
@Component
class OveruseRule implements AlertRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final double tolerancePercent;
    /** 100 plus the tolerance, as the decimal configured: the limit in percent of the authorized count. */
    private final BigDecimal limitPercent;

    OveruseRule(AlertRulesProperties properties) {
        this.tolerancePercent = properties.overuse().tolerancePercent();
        this.limitPercent = HUNDRED.add(BigDecimal.valueOf(tolerancePercent));
    }

    @Override
    public Set<AlertType> types() {
        return Set.of(AlertType.OVERUSE_WORKSPACES, AlertType.OVERUSE_USERS);
    }

    @Override
    public List<Finding> evaluate(LicenseFacts license, Instant now) {
        List<Finding> findings = new ArrayList<>(2);
        check(license, AlertType.OVERUSE_WORKSPACES, "workspaces", license.usageWorkspaces(),
                license.authorizedWorkspaces(), findings);
        check(license, AlertType.OVERUSE_USERS, "users", license.usageUsers(), license.authorizedUsers(), findings);
        return findings;
    }

    private void check(LicenseFacts license, AlertType type, String measure, Integer used, Integer authorized,
            List<Finding> findings) {
        if (used == null || authorized == null || !aboveTheTolerance(used, authorized)) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("measure", measure);
        details.put("used", used);
        details.put("authorized", authorized);
        details.put("tolerancePercent", tolerancePercent);
        details.put("reportedAt", String.valueOf(license.usageReportedAt()));
        findings.add(new Finding(type, AlertSeverity.CRITICAL, "License " + license.licenseId() + " uses " + used
                + " " + measure + " of " + authorized + " authorized", details));
    }

    /**
     * {@code used > authorized × (1 + tolerance / 100)} in exact decimals: in binary floating point
     * 100 × 1.15 is 114.99999999999999, and 115 of 100 users with a 15 % tolerance counted as overuse.
     */
    private boolean aboveTheTolerance(int used, int authorized) {
        return BigDecimal.valueOf(used).multiply(HUNDRED)
                .compareTo(BigDecimal.valueOf(authorized).multiply(limitPercent)) > 0;
    }
}
