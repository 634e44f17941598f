package ai.dify.delms.gateway.webapp;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The built app on disk ({@code npm run build} writes {@code web/dist}). Looked up on every request,
 * so a rebuild shows without a restart and a gateway started before the build serves it once built.
 * A name never leaves the directory: no {@code ..}, no hidden files, no backslashes.
 */
final class WebAppFiles {

    private final Path root;
    private final Path assets;

    WebAppFiles(Path dir) {
        this.root = dir.toAbsolutePath().normalize();
        this.assets = root.resolve("assets");
    }

    Path root() {
        return root;
    }

    Optional<Path> index() {
        return regularFile(root.resolve("index.html"));
    }

    /** {@code relative}: the part after {@code /assets/}, decoded. */
    Optional<Path> asset(String relative) {
        return inside(assets, relative);
    }

    /** {@code name}: one segment, decoded. */
    Optional<Path> rootFile(String name) {
        return name.contains("/") ? Optional.empty() : inside(root, name);
    }

    private static Optional<Path> inside(Path dir, String relative) {
        if (relative.isEmpty() || relative.contains("\\") || relative.indexOf('\0') >= 0
                || Arrays.stream(relative.split("/", -1)).anyMatch(segment -> segment.isEmpty() || segment.startsWith("."))) {
            return Optional.empty();
        }
        try {
            Path file = dir.resolve(relative).normalize();
            return file.startsWith(dir) ? regularFile(file) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> regularFile(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
