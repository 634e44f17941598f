package ai.dify.delms.license.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the bulk seed generator (license-service/seed/seed_licenses.py) against a test database. */
public final class SeedScript {

    private SeedScript() {
    }

    /** Inserts {@code licenses} licenses straight into the database at {@code url} (a JDBC URL naming it). */
    public static void seed(String url, String user, String password, int licenses)
            throws IOException, InterruptedException {
        Matcher m = Pattern.compile("jdbc:[a-z]+://([^:/]+):(\\d+)/([^?]+)").matcher(url);
        if (!m.find()) {
            throw new IllegalStateException("cannot read host, port and database of " + url);
        }
        Process seed = new ProcessBuilder("python3", Path.of("seed", "seed_licenses.py").toString(),
                "--licenses", String.valueOf(licenses), "--apply", "--host", m.group(1), "--port", m.group(2),
                "--user", user, "--password", password == null ? "" : password, "--database", m.group(3))
                .inheritIO().start();
        if (seed.waitFor() != 0) {
            throw new IllegalStateException("seeding failed");
        }
    }
}
