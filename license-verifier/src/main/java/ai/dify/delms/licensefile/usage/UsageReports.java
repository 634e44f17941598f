package ai.dify.delms.licensefile.usage;

/** The constants of the usage report format (docs/license-files.md, "Usage reports"). */
final class UsageReports {

    static final String MAGIC = "DELMS-USAGE-REPORT";
    static final int FORMAT_VERSION = 1;
    static final String HEADER = MAGIC + " " + FORMAT_VERSION;

    private UsageReports() {
    }
}
