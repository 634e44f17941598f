package ai.dify.delms.alert.alert;

/** What an alert is about. */
public enum AlertType {
    EXPIRING_90, EXPIRING_60, EXPIRING_30, EXPIRED, OVERUSE_WORKSPACES, OVERUSE_USERS, INACTIVE, IRREGULAR_USAGE
}
