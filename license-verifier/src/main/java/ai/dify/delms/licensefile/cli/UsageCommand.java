package ai.dify.delms.licensefile.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import ai.dify.delms.licensefile.LicenseIds;
import ai.dify.delms.licensefile.usage.UsageEntry;
import ai.dify.delms.licensefile.usage.UsageLog;

/** {@code usage record ...} and {@code usage export ...}. */
final class UsageCommand {

    private UsageCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        if (args.isEmpty()) {
            throw new UsageException("usage needs record or export");
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "record":
                return record(Arguments.parse(rest, Set.of("--dir", "--license", "--workspaces", "--users", "--at"),
                        Set.of()), out);
            case "export":
                return export(Arguments.parse(rest, Set.of("--dir", "--from-seq", "--out"), Set.of()), out);
            default:
                throw new UsageException("unknown usage command " + args.get(0));
        }
    }

    private static int record(Arguments arguments, PrintStream out) throws UsageException, IOException {
        noPositionals(arguments);
        UsageLog log = new UsageLog(Path.of(arguments.required("--dir")));
        String licenseId = arguments.required("--license");
        if (!LicenseIds.isValid(licenseId)) {
            throw new UsageException("--license must be a License ID like ENT-202503-123456, not " + licenseId);
        }
        int workspaces = arguments.nonNegativeInt("--workspaces");
        int users = arguments.nonNegativeInt("--users");
        Instant at = arguments.instant("--at").orElseGet(Instant::now);
        UsageEntry entry = log.record(licenseId, workspaces, users, at);
        out.println("Recorded seq " + entry.seq() + " for " + licenseId + " at " + entry.at() + ": " + workspaces
                + " workspaces, " + users + " users (hash " + entry.hash() + ").");
        return ExitCodes.OK;
    }

    private static int export(Arguments arguments, PrintStream out) throws UsageException, IOException {
        noPositionals(arguments);
        UsageLog log = new UsageLog(Path.of(arguments.required("--dir")));
        Path target = Path.of(arguments.required("--out"));
        long fromSeq = arguments.positiveLong("--from-seq").orElse(1L);
        UsageLog.Report report = log.export(fromSeq);
        writeAtomically(target, report.text());
        out.println("Wrote " + target + ": usage of " + report.licenseId() + " from instance "
                + report.instanceKeyId() + ", seq " + report.firstSeq() + " to " + report.lastSeq()
                + ". Send it to DELMS unchanged.");
        return ExitCodes.OK;
    }

    private static void noPositionals(Arguments arguments) throws UsageException {
        if (!arguments.positionals().isEmpty()) {
            throw new UsageException("unexpected argument " + arguments.positionals().get(0));
        }
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
