package ai.dify.delms.alert.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.dify.delms.alert.alert.AlertSeverity;
import ai.dify.delms.alert.alert.AlertType;

/** A rule's verdict that an alert condition holds for a license now. */
public record Finding(AlertType type, AlertSeverity severity, String message, Map<String, Object> details) {

    public Finding {
        // kept in order and with null values ("no report yet"), which Map.copyOf refuses
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
