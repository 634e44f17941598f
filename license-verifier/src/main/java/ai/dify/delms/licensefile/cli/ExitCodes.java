package ai.dify.delms.licensefile.cli;

/**
 * The exit codes besides the verdicts' own (see {@code LicenseVerdict#exitCode()}); documented in
 * docs/license-files.md. 1 is left to the JVM (an uncaught error).
 */
final class ExitCodes {

    static final int OK = 0;
    /** The command line is wrong: unknown command or option, a value missing or not parseable. */
    static final int USAGE = 2;
    /** The command could not be carried out: a file missing or unreadable, a keys document or state file that is not valid, a damaged log. */
    static final int FAILED = 3;

    private ExitCodes() {
    }
}
