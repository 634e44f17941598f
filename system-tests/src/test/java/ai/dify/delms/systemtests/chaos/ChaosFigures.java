package ai.dify.delms.systemtests.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of each scenario (events written, delivered, duplicates, time to converge), logged
 * and appended to {@code target/chaos/figures.md}, which {@code ./delms chaos} prints at the end.
 * Figures are reported, never asserted against a time.
 */
final class ChaosFigures {

    private static final Logger log = LoggerFactory.getLogger(ChaosFigures.class);
    private static final Path FILE = Path.of("target", "chaos", "figures.md");

    private ChaosFigures() {
    }

    static void record(String scenario, Map<String, ?> figures) {
        String line = figures.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        log.info("{} - {}", scenario, line);
        try {
            Files.createDirectories(FILE.getParent());
            if (!Files.exists(FILE)) {
                Files.writeString(FILE, "# Fault suite figures\n\n", StandardCharsets.UTF_8);
            }
            Files.writeString(FILE, "- **" + scenario + "**: " + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
