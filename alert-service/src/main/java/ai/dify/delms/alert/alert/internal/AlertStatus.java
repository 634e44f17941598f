package ai.dify.delms.alert.alert.internal;

/** Where an alert is in its life: raised (open), seen by someone (acknowledged), over (resolved). */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED;

    /** The statuses of an alert whose condition still holds (at most one per license and type). */
    public static java.util.Set<AlertStatus> openStatuses() {
        return java.util.EnumSet.of(OPEN, ACKNOWLEDGED);
    }
}
