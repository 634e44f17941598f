package ai.dify.delms.licensefile.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import ai.dify.delms.licensefile.usage.InstanceKey;
import ai.dify.delms.licensefile.usage.InstanceKeyFiles;

/** {@code instance-key init --dir <dir>} and {@code instance-key show --dir <dir>}. */
final class InstanceKeyCommand {

    private InstanceKeyCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        if (args.isEmpty()) {
            throw new UsageException("instance-key needs init or show");
        }
        Arguments arguments = Arguments.parse(args.subList(1, args.size()), Set.of("--dir"), Set.of());
        if (!arguments.positionals().isEmpty()) {
            throw new UsageException("unexpected argument " + arguments.positionals().get(0));
        }
        Path directory = Path.of(arguments.required("--dir"));
        switch (args.get(0)) {
            case "init":
                InstanceKey created = InstanceKeyFiles.init(directory);
                out.println("Created the instance key in " + directory + ".");
                print(created, directory, out);
                out.println("Register the public key with DELMS for this site's license, once. Keep "
                        + InstanceKeyFiles.PRIVATE_KEY_FILE + " secret and backed up: usage reports are signed with it.");
                return ExitCodes.OK;
            case "show":
                print(InstanceKeyFiles.load(directory), directory, out);
                return ExitCodes.OK;
            default:
                throw new UsageException("unknown instance-key command " + args.get(0));
        }
    }

    private static void print(InstanceKey key, Path directory, PrintStream out) {
        out.println("  instance key id  " + key.keyId());
        out.println("  public key       " + key.publicKeyText() + "  (also in "
                + directory.resolve(InstanceKeyFiles.PUBLIC_KEY_FILE) + ")");
    }
}
