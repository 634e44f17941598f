package ai.dify.delms.license.usage.internal;

/** How a usage report reached DELMS. */
public enum UsageSource {
    /** Sent to the usage endpoint (staff or partner API). */
    API,
    /** An entry of a signed usage report from an air-gapped instance, imported as a file. */
    OFFLINE_IMPORT
}
