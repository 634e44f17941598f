package ai.dify.delms.alert.alert;

/** Where an alert is in its life: raised (open), seen by someone (acknowledged), over (resolved). */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}
