package ai.dify.delms.licensefile.usage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ai.dify.delms.licensefile.LicenseIds;
import ai.dify.delms.licensefile.json.Json;
import ai.dify.delms.licensefile.json.JsonObject;

/**
 * A site's usage log for one license, {@value #LOG_FILE} in the directory that holds its instance key:
 * <pre>
 * DELMS-USAGE-LOG 1
 * {"licenseId":"ENT-202503-123456","instanceKeyId":"ik-3f9a2c5b7d1e0a44"}
 * {"seq":1,"at":…,"workspaces":…,"users":…,"previousHash":…,"hash":…}
 * …
 * </pre>
 * Every write appends one entry under a file lock and forces it to disk; every read checks the whole
 * chain, so a damaged log is noticed before it is extended or exported.
 */
public final class UsageLog {

    public static final String LOG_FILE = "usage.log";
    private static final String HEADER = "DELMS-USAGE-LOG 1";

    private final Path directory;

    public UsageLog(Path directory) {
        this.directory = directory;
    }

    /** What the log holds. */
    public record Contents(String licenseId, String instanceKeyId, List<UsageEntry> entries) {
        public Optional<UsageEntry> last() {
            return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
        }
    }

    /**
     * Appends an entry: usage of {@code licenseId} seen at {@code at} (kept to the second).
     *
     * @throws IllegalArgumentException when the values are out of range, the log is for another license,
     *         or {@code at} is earlier than the last entry
     * @throws IOException when the log or the instance key cannot be read or written, or the log is damaged
     */
    public UsageEntry record(String licenseId, int workspaces, int users, Instant at) throws IOException {
        if (!LicenseIds.isValid(licenseId)) {
            throw new IllegalArgumentException("Not a License ID (like ENT-202503-123456): " + licenseId);
        }
        if (workspaces < 0 || users < 0) {
            throw new IllegalArgumentException("Workspaces and users must not be negative");
        }
        String instanceKeyId = InstanceKeyFiles.load(directory).keyId();
        Instant time = at.truncatedTo(ChronoUnit.SECONDS);
        Path file = directory.resolve(LOG_FILE);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            String text = read(channel);
            StringBuilder append = new StringBuilder();
            Contents contents;
            if (text.isEmpty()) {
                contents = new Contents(licenseId, instanceKeyId, List.of());
                append.append(HEADER).append('\n').append(meta(licenseId, instanceKeyId)).append('\n');
            } else {
                contents = parse(text, file);
            }
            if (!contents.licenseId().equals(licenseId)) {
                throw new IllegalArgumentException("This usage log records license " + contents.licenseId()
                        + "; record " + licenseId + " in another directory");
            }
            if (!contents.instanceKeyId().equals(instanceKeyId)) {
                throw new IOException(file + " belongs to instance " + contents.instanceKeyId()
                        + ", not to this directory's instance key " + instanceKeyId);
            }
            Optional<UsageEntry> last = contents.last();
            if (last.isPresent() && time.isBefore(last.get().at())) {
                throw new IllegalArgumentException("The time " + time + " is before the last entry's "
                        + last.get().at() + " (is the clock right?)");
            }
            UsageEntry entry = UsageEntry.create(last.map(e -> e.seq() + 1).orElse(1L), time, workspaces, users,
                    last.map(UsageEntry::hash).orElse(UsageChain.genesisHash(licenseId, instanceKeyId)));
            append.append(entry.line()).append('\n');
            channel.write(ByteBuffer.wrap(append.toString().getBytes(StandardCharsets.UTF_8)), channel.size());
            channel.force(true);
            return entry;
        }
    }

    /**
     * Reads and checks the log.
     *
     * @throws NoSuchFileException when nothing was recorded yet
     * @throws IOException when the log cannot be read or is damaged (naming the line)
     */
    public Contents read() throws IOException {
        Path file = directory.resolve(LOG_FILE);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                FileLock lock = channel.lock(0, Long.MAX_VALUE, true)) {
            return parse(read(channel), file);
        }
    }

    /**
     * A report: the text to send, and what it holds.
     *
     * @param text the report, to be written as UTF-8 bytes unchanged
     */
    public record Report(String text, String licenseId, String instanceKeyId, long firstSeq, long lastSeq) {
    }

    /**
     * A report of the entries from {@code fromSeq} to the last, signed by the directory's instance key.
     *
     * @throws IllegalArgumentException when the log has no entry {@code fromSeq}, or none at all
     */
    public Report export(long fromSeq) throws IOException {
        Contents contents;
        try {
            contents = read();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Nothing has been recorded in " + directory + " yet");
        }
        InstanceKey key = InstanceKeyFiles.load(directory);
        if (!contents.instanceKeyId().equals(key.keyId())) {
            throw new IOException("The usage log belongs to instance " + contents.instanceKeyId()
                    + ", not to this directory's instance key " + key.keyId());
        }
        long lastSeq = contents.last().map(UsageEntry::seq).orElse(0L);
        if (fromSeq < 1 || fromSeq > lastSeq) {
            throw new IllegalArgumentException(lastSeq == 0 ? "The usage log has no entries yet"
                    : "The usage log has entries 1 to " + lastSeq + "; there is no seq " + fromSeq);
        }
        String text = UsageReportWriter.write(contents.licenseId(), key,
                contents.entries().subList((int) (fromSeq - 1), contents.entries().size()));
        return new Report(text, contents.licenseId(), contents.instanceKeyId(), fromSeq, lastSeq);
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // reads until full
        }
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }

    private static String meta(String licenseId, String instanceKeyId) {
        return "{\"licenseId\":" + Json.quote(licenseId) + ",\"instanceKeyId\":" + Json.quote(instanceKeyId) + "}";
    }

    private static Contents parse(String text, Path file) throws IOException {
        if (!text.endsWith("\n")) {
            throw damaged(file, (int) text.chars().filter(c -> c == '\n').count() + 1,
                    "the line is incomplete (a write was interrupted?); remove it");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw damaged(file, 1, "the first line must be " + HEADER);
        }
        if (lines.length < 2) {
            throw damaged(file, 2, "the line naming the license and instance is missing");
        }
        String licenseId;
        String instanceKeyId;
        try {
            JsonObject meta = Json.parseObject(lines[1]);
            licenseId = meta.string("licenseId");
            instanceKeyId = meta.string("instanceKeyId");
        } catch (RuntimeException e) {
            throw damaged(file, 2, e.getMessage());
        }
        if (!meta(licenseId, instanceKeyId).equals(lines[1])) {
            throw damaged(file, 2, "not in its canonical form");
        }
        List<UsageEntry> entries = new ArrayList<>();
        String previousHash = UsageChain.genesisHash(licenseId, instanceKeyId);
        for (int i = 2; i < lines.length; i++) {
            UsageEntry entry;
            try {
                entry = UsageEntry.parse(lines[i]);
            } catch (IllegalArgumentException e) {
                throw damaged(file, i + 1, e.getMessage());
            }
            if (entry.seq() != entries.size() + 1 || !entry.previousHash().equals(previousHash) || !entry.hasValidHash()
                    || !entries.isEmpty() && entry.at().isBefore(entries.get(entries.size() - 1).at())) {
                throw damaged(file, i + 1, "the entry does not continue the chain");
            }
            entries.add(entry);
            previousHash = entry.hash();
        }
        return new Contents(licenseId, instanceKeyId, List.copyOf(entries));
    }

    private static IOException damaged(Path file, int line, String reason) {
        return new IOException("The usage log " + file + " is damaged at line " + line + ": " + reason);
    }
}
