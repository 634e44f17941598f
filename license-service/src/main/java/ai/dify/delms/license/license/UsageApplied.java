package ai.dify.delms.license.license;

/**
 * What one usage report did to a license: whether it became the latest, the status before and
 * after, and whether the license was overused before and is now.
 */
public record UsageApplied(LatestUsage previous, boolean becameLatest, LicenseStatus statusBefore,
        LicenseStatus statusAfter, boolean overusedBefore, boolean overusedAfter) {

    public boolean firstReport() {
        return previous == null;
    }

    public boolean statusChanged() {
        return statusBefore != statusAfter;
    }
}
