package ai.dify.delms.systemtests.support;

/**
 * A component taken down on purpose. Closing it repairs the component if the test did not
 * already, so a failing test never leaves the system broken for the tests after it; use it in
 * try-with-resources.
 */
public final class Outage implements AutoCloseable {

    private final Runnable repair;
    private final String description;
    private boolean repaired;

    private Outage(String description, Runnable repair) {
        this.description = description;
        this.repair = repair;
    }

    /** Stops the component; ending the outage starts it again and waits for its health. */
    public static Outage stop(Launcher launcher, String component) {
        launcher.stop(component);
        return new Outage(component + " stopped", () -> launcher.start(component));
    }

    /** Kills the component (SIGKILL); ending the outage starts it again and waits for its health. */
    public static Outage kill(Launcher launcher, String component) {
        launcher.kill(component);
        return new Outage(component + " killed", () -> launcher.start(component));
    }

    /** Freezes the component's process; ending the outage thaws it. */
    public static Outage freeze(Launcher launcher, String component) {
        launcher.freeze(component);
        return new Outage(component + " frozen", () -> launcher.thaw(component));
    }

    /** Repairs the component now (the rest of the test checks the recovery). */
    public void end() {
        if (!repaired) {
            repaired = true;
            repair.run();
        }
    }

    @Override
    public void close() {
        end();
    }

    @Override
    public String toString() {
        return description;
    }
}
