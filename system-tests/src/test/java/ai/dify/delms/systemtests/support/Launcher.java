package ai.dify.delms.systemtests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives the launcher ({@code ./delms}) to break and repair the running system: stop and start a
 * component, freeze and thaw its process. Each command has a time bound; its output goes to the
 * test log.
 */
public final class Launcher {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);
    // start waits for the component's health: a Spring service on a busy 2-core machine needs a while
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(30);

    private final Path script;

    public Launcher(Path script) {
        this.script = script;
    }

    /** The launcher of the running system (see {@link SystemUnderTest}). */
    public static Launcher local() {
        return new Launcher(SystemUnderTest.launcher());
    }

    public void stop(String component) {
        run(STOP_TIMEOUT, "stop", component);
    }

    /** Starts a stopped component and returns once it reports healthy. */
    public void start(String component) {
        run(START_TIMEOUT, "start", component);
    }

    /** Kills the component's processes (SIGKILL): a crash, with no shutdown of any kind. */
    public void kill(String component) {
        run(SIGNAL_TIMEOUT, "kill", component);
    }

    /** Suspends the component's process (SIGSTOP): it keeps its sockets but answers nothing. */
    public void freeze(String component) {
        run(SIGNAL_TIMEOUT, "freeze", component);
    }

    public void thaw(String component) {
        run(SIGNAL_TIMEOUT, "thaw", component);
    }

    /** {@code ./delms events dlt <action> <topic>}: lists or replays a topic's dead letters. */
    public void deadLetters(String action, String topic) {
        run(SIGNAL_TIMEOUT.multipliedBy(4), "events", "dlt", action, topic);
    }

    private void run(Duration timeout, String command, String... arguments) {
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("launcher not found or not executable: " + script + " (set -Ddelms.launcher=...)");
        }
        List<String> commandLine = new java.util.ArrayList<>(List.of(script.toString(), command));
        commandLine.addAll(List.of(arguments));
        String label = "[delms " + command + " " + String.join(" ", arguments) + "] ";
        Process process;
        try {
            process = new ProcessBuilder(commandLine)
                    .directory(script.getParent().toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close(); // nothing to type: a prompt must not wait for input
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + commandLine, e);
        }
        // copied line by line instead of inherited: raw writes to the forked test JVM's stdout would corrupt failsafe's channel
        Thread copier = new Thread(() -> copyOutput(process, label), "launcher-output");
        copier.setDaemon(true);
        copier.start();
        long started = System.nanoTime();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                throw new IllegalStateException(commandLine + " did not finish within " + timeout);
            }
            copier.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + commandLine, e);
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (process.exitValue() != 0) {
            throw new IllegalStateException(commandLine + " failed with exit code " + process.exitValue());
        }
        System.out.println(label + "done in " + millis + " ms");
    }

    private static void copyOutput(Process process, String label) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                System.out.println(label + line);
            }
        } catch (IOException ignored) {
            // the process ended or was destroyed; its exit code tells the outcome
        }
    }
}
