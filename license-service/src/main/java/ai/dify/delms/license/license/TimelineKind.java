package ai.dify.delms.license.license;

/** What happened at a point of a license's timeline. */
public enum TimelineKind {
    /** The order date of the license. */
    ORDERED,
    /** The license was created in DELMS. */
    CREATED,
    /** sales-service recorded a purchase for the license. */
    PURCHASE,
    /** deployment-service reported a completed deployment. */
    DEPLOYMENT,
    /** The first usage report. */
    FIRST_USE,
    /** A usage report above an authorized limit after reports within them. */
    OVERUSE_STARTED,
    /** A usage report within the limits again after an overuse. */
    OVERUSE_ENDED,
    /** The status changed (by hand, by an event or by the expiry job). */
    STATUS_CHANGED,
    /** The expiry date (past or to come). */
    EXPIRY,
    /** A signed license file was issued (not a repeated download of the same file). */
    FILE_ISSUED,
    /** A usage report from an air-gapped instance was imported. */
    USAGE_IMPORTED
}
