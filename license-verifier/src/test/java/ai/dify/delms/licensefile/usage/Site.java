package ai.dify.delms.licensefile.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import ai.dify.delms.licensefile.SignedText;

/** An air-gapped site in a directory: its instance key and usage log, and reports as it would send them. */
final class Site {

    static final Instant DAY_1 = Instant.parse("2026-12-01T06:00:00Z");

    final Path directory;
    final InstanceKey key;
    final UsageLog log;
    final String licenseId;

    Site(Path directory, String licenseId) {
        this.directory = directory;
        this.licenseId = licenseId;
        try {
            this.key = InstanceKeyFiles.init(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.log = new UsageLog(directory);
    }

    /** Records entries until the log has {@code lastSeq}, one a day. */
    Site recordUpTo(long lastSeq) throws IOException {
        long next = Files.exists(directory.resolve(UsageLog.LOG_FILE)) ? log.read().entries().size() + 1 : 1;
        for (long seq = next; seq <= lastSeq; seq++) {
            log.record(licenseId, (int) seq, (int) (10 * seq), DAY_1.plusSeconds(86_400 * (seq - 1)));
        }
        return this;
    }

    String export(long fromSeq) throws IOException {
        return log.export(fromSeq).text();
    }

    UsageEntry entry(long seq) throws IOException {
        return log.read().entries().get((int) seq - 1);
    }

    /** The report with its lines before the signature edited, signed again by this site's key: a report the site itself forged. */
    String resign(String report, UnaryOperator<List<String>> edit) {
        List<String> lines = new ArrayList<>(Arrays.asList(report.split("\n")));
        lines.remove(lines.size() - 1);
        List<String> original = List.copyOf(lines);
        List<String> edited = edit.apply(lines);
        if (edited.equals(original)) {
            throw new AssertionError("the edit changed nothing");
        }
        return SignedText.sign(String.join("\n", edited) + "\n", key.keyId(), key.signer());
    }

    UsageImport importInto(String report, ChainPosition lastAccepted) {
        return UsageReportVerifier.verify(report.getBytes(StandardCharsets.UTF_8), licenseId, key.publicKey(), lastAccepted);
    }
}
