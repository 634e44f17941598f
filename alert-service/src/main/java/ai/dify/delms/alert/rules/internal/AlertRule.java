package ai.dify.delms.alert.rules.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ai.dify.delms.alert.alert.AlertType;
import ai.dify.delms.alert.rules.Finding;
import ai.dify.delms.alert.rules.LicenseFacts;

/**
 * One alert rule. It owns the alert types it names: a type it owns that it does not find now is a
 * condition that ended, and its open alert resolves.
 */
public interface AlertRule {

    Set<AlertType> types();

    /** What holds now for the license; at most one finding per owned type. */
    List<Finding> evaluate(LicenseFacts license, Instant now);

    /**
     * The first moment after {@code now} at which time alone (the license unchanged) can change what
     * this rule finds; empty when time alone never does. The scan evaluates the license again then
     * (docs/decisions.md, 39), so a rule whose findings depend on the clock must say when.
     */
    default Optional<Instant> nextChange(LicenseFacts license, Instant now) {
        return Optional.empty();
    }
}
