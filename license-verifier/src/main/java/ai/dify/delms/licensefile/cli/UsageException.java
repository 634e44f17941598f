package ai.dify.delms.licensefile.cli;

/** A command line that does not say what to do: exit code {@value ExitCodes#USAGE}. */
class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
