package ai.dify.delms.alert.rules;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.rules.internal.AlertRule;

/**
 * All alert rules together. A terminated license has no alerts: every rule's condition counts as ended.
 */
@Component
public class AlertRules {

    static final String TERMINATED = "TERMINATED";

    private final List<AlertRule> rules;
    private final Set<AlertType> types;

    public AlertRules(List<AlertRule> rules) {
        this.rules = List.copyOf(rules);
        Set<AlertType> owned = EnumSet.noneOf(AlertType.class);
        for (AlertRule rule : rules) {
            for (AlertType type : rule.types()) {
                if (!owned.add(type)) {
                    throw new IllegalStateException("Two rules own alert type " + type);
                }
            }
        }
        this.types = Set.copyOf(owned);
    }

    /** The alert types some rule decides on; an open alert of one of these without a finding resolves. */
    public Set<AlertType> types() {
        return types;
    }

    /** What holds now for the license, by alert type. */
    public Map<AlertType, Finding> evaluate(LicenseFacts license, Instant now) {
        Map<AlertType, Finding> findings = new EnumMap<>(AlertType.class);
        if (license.hasStatus(TERMINATED)) {
            return findings;
        }
        for (AlertRule rule : rules) {
            for (Finding finding : rule.evaluate(license, now)) {
                if (!rule.types().contains(finding.type())) {
                    throw new IllegalStateException(rule + " found " + finding.type() + ", which it does not own");
                }
                findings.put(finding.type(), finding);
            }
        }
        return findings;
    }

    /**
     * The first moment after {@code now} at which time alone can change what {@link #evaluate} finds
     * for the license; empty when only a change of the license can (a terminated license never changes by time).
     */
    public Optional<Instant> nextChange(LicenseFacts license, Instant now) {
        if (license.hasStatus(TERMINATED)) {
            return Optional.empty();
        }
        return rules.stream().flatMap(rule -> rule.nextChange(license, now).stream()).min(Instant::compareTo);
    }
}
