package ai.dify.delms.alert.rules;

import java.util.Map;

import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;

/** A rule's verdict that an alert condition holds for a license now. */
public record Finding(AlertType type, AlertSeverity severity, String message, Map<String, Object> details) {

    public Finding {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
