package ai.dify.delms.platform.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the JVM's test fixtures in one ordered shutdown hook: first the test application contexts
 * (so consumers leave the broker and pools close while everything is still up), then Kafka, then
 * the database, then the token issuer. Separate hooks would run all at once and make services
 * wait for servers that are already gone.
 */
public final class FixtureShutdown {

    /** Stop order of a fixture; lower runs first. */
    public enum Stage { CONTEXTS, KAFKA, DATABASE, ISSUER }

    private record Step(Stage stage, String name, Runnable action) {
    }

    private static final List<Step> STEPS = new ArrayList<>();
    private static boolean hooked;

    private FixtureShutdown() {
    }

    /** Runs {@code action} at JVM exit in the given stage. */
    public static synchronized void register(Stage stage, String name, Runnable action) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(FixtureShutdown::runAll, "delms-test-fixtures-shutdown"));
            hooked = true;
        }
        STEPS.add(new Step(stage, name, action));
    }

    static void closeAtExit(ConfigurableApplicationContext context) {
        register(Stage.CONTEXTS, "application context " + context.getId(), context::close);
    }

    private static void runAll() {
        List<Step> steps;
        synchronized (FixtureShutdown.class) {
            steps = new ArrayList<>(STEPS);
        }
        steps.sort(Comparator.comparing(Step::stage));
        for (Step step : steps) {
            try {
                step.action().run();
            } catch (RuntimeException e) {
                System.err.println("Stopping " + step.name() + " failed: " + e);
            }
        }
    }
}
