package ai.dify.delms.licensefile.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageLogTest {

    static final String LICENSE = "ENT-202512-000042";

    @TempDir
    Path directory;

    Site site;

    @BeforeEach
    void aSite() {
        site = new Site(directory, LICENSE);
    }

    @Test
    void recordsAChainThatStartsAtTheGenesisOfItsLicenseAndInstance() throws IOException {
        UsageEntry first = site.log.record(LICENSE, 3, 40, Instant.parse("2026-12-01T06:00:00.987Z"));
        UsageEntry second = site.log.record(LICENSE, 4, 41, Instant.parse("2026-12-01T06:00:00Z"));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.at()).isEqualTo(Instant.parse("2026-12-01T06:00:00Z"));
        assertThat(first.previousHash()).isEqualTo(UsageChain.genesisHash(LICENSE, site.key.keyId()));
        assertThat(first.hasValidHash()).isTrue();
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(Files.readAllLines(directory.resolve(UsageLog.LOG_FILE), StandardCharsets.UTF_8)).containsExactly(
                "DELMS-USAGE-LOG 1",
                "{\"licenseId\":\"ENT-202512-000042\",\"instanceKeyId\":\"" + site.key.keyId() + "\"}",
                first.line(),
                second.line());
        assertThat(site.log.read().entries()).containsExactly(first, second);
    }

    @Test
    void theGenesisHashIsTheDocumentedConstant() {
        // SHA-256 of "DELMS-USAGE-CHAIN 1 ENT-202512-000042 ik-0123456789abcdef"
        assertThat(UsageChain.genesisHash(LICENSE, "ik-0123456789abcdef"))
                .isEqualTo(ai.dify.delms.licensefile.Sha256.hex("DELMS-USAGE-CHAIN 1 ENT-202512-000042 ik-0123456789abcdef"))
                .isNotEqualTo(UsageChain.genesisHash("ENT-202512-000043", "ik-0123456789abcdef"))
                .isNotEqualTo(UsageChain.genesisHash(LICENSE, "ik-0123456789abcdee"));
    }

    @Test
    void anEntryHashIsTheSha256OfItsLineWithoutTheHash() {
        UsageEntry entry = UsageEntry.create(1, Instant.parse("2026-12-01T06:00:00Z"), 3, 40, "0".repeat(64));

        assertThat(entry.hashInput()).isEqualTo("{\"seq\":1,\"at\":\"2026-12-01T06:00:00Z\",\"workspaces\":3,\"users\":40,"
                + "\"previousHash\":\"" + "0".repeat(64) + "\"}");
        assertThat(entry.line()).isEqualTo(entry.hashInput().replace("\"}", "\",\"hash\":\"" + entry.hash() + "\"}"));
        assertThat(UsageEntry.parse(entry.line())).isEqualTo(entry);
    }

    @Test
    void refusesAnotherLicenseInTheSameLog() throws IOException {
        site.recordUpTo(1);

        assertThatThrownBy(() -> site.log.record("ENT-202512-000043", 1, 1, Instant.parse("2026-12-02T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("records license ENT-202512-000042");
    }

    @Test
    void refusesATimeBeforeTheLastEntry() throws IOException {
        site.log.record(LICENSE, 1, 1, Instant.parse("2026-12-02T00:00:00Z"));

        assertThatThrownBy(() -> site.log.record(LICENSE, 1, 1, Instant.parse("2026-12-01T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the last entry");
        assertThat(site.log.read().entries()).hasSize(1);
    }

    @Test
    void refusesValuesOutOfRange() {
        assertThatThrownBy(() -> site.log.record("ENT-1", 1, 1, Site.DAY_1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> site.log.record(LICENSE, -1, 1, Site.DAY_1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsAnInstanceKey(@TempDir Path empty) {
        assertThatThrownBy(() -> new UsageLog(empty).record(LICENSE, 1, 1, Site.DAY_1)).isInstanceOf(NoSuchFileException.class);
        assertThat(empty.resolve(UsageLog.LOG_FILE)).doesNotExist();
    }

    @Test
    void anEditedLogIsNeitherExtendedNorExported() throws IOException {
        site.recordUpTo(3);
        Path file = directory.resolve(UsageLog.LOG_FILE);
        Files.writeString(file, Files.readString(file).replace("\"users\":20,", "\"users\":2,"));

        assertThatThrownBy(() -> site.log.record(LICENSE, 1, 1, Instant.parse("2027-01-01T00:00:00Z")))
                .isInstanceOf(IOException.class).hasMessageContaining("damaged at line 4");
        assertThatThrownBy(() -> site.log.export(1)).isInstanceOf(IOException.class).hasMessageContaining("damaged at line 4");
    }

    @Test
    void anInterruptedWriteIsReportedAsSuch() throws IOException {
        site.recordUpTo(2);
        Path file = directory.resolve(UsageLog.LOG_FILE);
        Files.writeString(file, Files.readString(file) + "{\"seq\":3,\"at\"");

        assertThatThrownBy(() -> site.log.read()).hasMessageContaining("line 5").hasMessageContaining("incomplete");
    }

    @Test
    void exportsFromAnyEntryAndRefusesWhatTheLogDoesNotHave() throws IOException {
        assertThatThrownBy(() -> site.log.export(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Nothing has been recorded");
        site.recordUpTo(3);

        UsageLog.Report report = site.log.export(2);

        assertThat(report.firstSeq()).isEqualTo(2);
        assertThat(report.lastSeq()).isEqualTo(3);
        assertThat(report.text().split("\n")).hasSize(5);
        assertThatThrownBy(() -> site.log.export(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entries 1 to 3");
        assertThatThrownBy(() -> site.log.export(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReportWriterRefusesEntriesThatAreNotAChain() throws IOException {
        site.recordUpTo(3);
        List<UsageEntry> entries = site.log.read().entries();

        assertThatThrownBy(() -> UsageReportWriter.write(LICENSE, site.key, List.of(entries.get(0), entries.get(2))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UsageReportWriter.write("ENT-202512-000043", site.key, entries))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UsageReportWriter.write(LICENSE, site.key, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
