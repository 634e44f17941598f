package ai.dify.delms.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a tool these checks need; a missing tool fails the check and says how to install it. */
final class Command {

    private Command() {
    }

    /** The tool's standard output; fails on a missing tool, a non-zero exit or no end within a minute. */
    static String run(String howToInstall, String... command) {
        Path stderr = null;
        try {
            stderr = Files.createTempFile("deploy-check", ".stderr");
            Process process;
            try {
                process = new ProcessBuilder(List.of(command)).directory(Repository.root().toFile())
                        .redirectError(stderr.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError(command[0] + " is needed by this check and was not found (" + e.getMessage()
                        + "). Install it: " + howToInstall, e);
            }
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within a minute");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + Files.readString(stderr));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("running " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command[0], e);
        } finally {
            if (stderr != null) {
                try {
                    Files.deleteIfExists(stderr);
                } catch (IOException ignored) {
                    // a temporary file left behind
                }
            }
        }
    }
}
