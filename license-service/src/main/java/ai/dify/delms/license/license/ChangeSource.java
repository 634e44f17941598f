package ai.dify.delms.license.license;

/** Through which channel a change reached a license. */
public enum ChangeSource {
    /** A user's call of the API. */
    API,
    /** An event consumed from another service. */
    EVENT,
    /** A scheduled job of license-service (e.g. expiry). */
    SCHEDULE
}
