package ai.dify.delms.licensefile.license;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Keeps the latest time seen in a file: one line, an ISO instant such as {@code 2026-12-07T10:15:30Z}.
 * A missing file means nothing was seen yet; a file that holds anything else is refused rather than
 * read as "nothing seen", which would switch the check off.
 */
public final class FileLastSeenTimeStore implements LastSeenTimeStore {

    private final Path file;

    public FileLastSeenTimeStore(Path file) {
        this.file = file;
    }

    /**
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalStateException when the file does not hold an instant
     */
    @Override
    public Optional<Instant> lastSeen() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the state file " + file + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("The state file " + file + " does not hold an instant"
                    + " (it holds the latest time seen, e.g. 2026-12-07T10:15:30Z)");
        }
    }

    /** Writes the time to a temporary file next to the state file and moves it over, so a crash leaves one or the other. */
    @Override
    public void advanceTo(Instant seen) {
        Path directory = file.toAbsolutePath().getParent();
        try {
            Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temporary, seen + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the state file " + file + ": " + e.getMessage(), e);
        }
    }
}
