package ai.dify.delms.alert.rules.internal;

import ai.dify.delms.alert.rules.AlertRules;
import java.util.List;

/** The rules as the service builds them with their default thresholds, for tests outside this package. */
public final class DefaultRules {

    private DefaultRules() {
    }

    /** Only the expiry rule (EXPIRING_90/60/30, EXPIRED), days counted in UTC. */
    public static AlertRules expiryOnly() {
        return new AlertRules(List.of(new ExpiryRule(RuleFixtures.defaults(), RuleFixtures.UTC)));
    }
}
