package ai.dify.delms.licensefile.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar license-verifier.jar <command>}: verify a license file, and keep and export a site's
 * usage log (docs/license-files.md, "Command line").
 */
public final class Main {

    static final String HELP = String.join("\n",
            "Usage:",
            "  license-verifier verify <license file> --keys <keys.json> [--now <instant>] [--state <file>] [--json]",
            "  license-verifier instance-key init --dir <dir>",
            "  license-verifier instance-key show --dir <dir>",
            "  license-verifier usage record --dir <dir> --license <License ID> --workspaces <n> --users <n> [--at <instant>]",
            "  license-verifier usage export --dir <dir> [--from-seq <n>] --out <report file>",
            "",
            "verify exits with 0 for VALID and IN_GRACE; EXPIRED 10, NOT_YET_VALID 11, BAD_SIGNATURE 20,",
            "UNKNOWN_KEY 21, KEY_REVOKED 22, MALFORMED 23, CLOCK_ROLLED_BACK 30.",
            "Every command exits with 2 for a wrong command line and 3 when it cannot be carried out.",
            "");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; what {@link #main} does but for the exit. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> all = Arrays.asList(args);
        try {
            if (all.isEmpty()) {
                throw new UsageException("a command is required");
            }
            List<String> rest = all.subList(1, all.size());
            switch (all.get(0)) {
                case "verify":
                    return VerifyCommand.run(rest, out);
                case "instance-key":
                    return InstanceKeyCommand.run(rest, out);
                case "usage":
                    return UsageCommand.run(rest, out);
                case "help":
                case "--help":
                case "-h":
                    out.print(HELP);
                    return ExitCodes.OK;
                default:
                    throw new UsageException("unknown command " + all.get(0));
            }
        } catch (UsageException e) {
            err.println("license-verifier: " + e.getMessage());
            err.print(HELP);
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("license-verifier: " + describe(e));
            return ExitCodes.FAILED;
        } catch (UncheckedIOException e) {
            err.println("license-verifier: " + describe(e.getCause()));
            return ExitCodes.FAILED;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("license-verifier: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /** The JDK's messages for missing files are the bare path; say what happened. */
    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + ": " + (exists.getReason() != null ? exists.getReason() : "already exists");
        }
        if (e instanceof MalformedInputException) {
            return "a file is not UTF-8";
        }
        return e.getMessage();
    }
}
