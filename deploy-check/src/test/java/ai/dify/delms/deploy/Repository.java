package ai.dify.delms.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository this module is part of: its files and the project version images are tagged with. */
final class Repository {

    private static final Path ROOT = findRoot();

    private Repository() {
    }

    static Path root() {
        return ROOT;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT.relativize(file.toAbsolutePath()), e);
        }
    }

    /** The version in the root pom: every DELMS image is tagged with it (delms/&lt;component&gt;:&lt;version&gt;). */
    static String projectVersion() {
        Matcher m = Pattern.compile("<artifactId>delms-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read("pom.xml"));
        if (!m.find()) {
            throw new IllegalStateException("the root pom.xml names no version of delms-parent");
        }
        return m.group(1);
    }

    /** The image a DELMS component runs from. */
    static String imageOf(String component) {
        return "delms/" + component + ":" + projectVersion();
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(Components.TABLE))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the repository: no " + Components.TABLE + " above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
