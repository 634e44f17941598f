package ai.dify.delms.alert.alert;

/** How urgent an alert is. */
public enum AlertSeverity {
    INFO, WARNING, CRITICAL
}
