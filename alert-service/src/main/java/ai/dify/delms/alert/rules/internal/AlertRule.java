package ai.dify.delms.alert.rules.internal;

import java.time.Instant;
import java.util.List;
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
}
