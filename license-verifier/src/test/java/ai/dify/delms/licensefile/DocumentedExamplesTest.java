package ai.dify.delms.licensefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ai.dify.delms.licensefile.license.LastSeenTimeStore;
import ai.dify.delms.licensefile.license.LicenseKeys;
import ai.dify.delms.licensefile.license.LicenseVerdict;
import ai.dify.delms.licensefile.license.LicenseVerification;
import ai.dify.delms.licensefile.license.LicenseVerifier;
import ai.dify.delms.licensefile.usage.InstanceKey;
import ai.dify.delms.licensefile.usage.UsageImport;
import ai.dify.delms.licensefile.usage.UsageReportVerifier;

/** The examples in docs/license-files.md are real: the file verifies as the table says, the report imports. */
class DocumentedExamplesTest {

    private static final String DOCUMENT = "docs/license-files.md";

    @Test
    void theExampleLicenseFileVerifiesWithTheExampleKeysAsTheDateTableSays() throws IOException {
        String doc = document();
        LicenseKeys keys = LicenseKeys.parse(example(doc, "keys.json"));
        byte[] license = example(doc, "license.lic").getBytes(StandardCharsets.UTF_8);
        Matcher rows = Pattern.compile("(?m)^\\| (\\S+Z) \\| `(\\w+)`[^|]*\\| *(\\d*) *\\|$").matcher(doc);

        int checked = 0;
        while (rows.find()) {
            Instant now = Instant.parse(rows.group(1));
            LicenseVerification result = new LicenseVerifier(keys, Clock.fixed(now, ZoneOffset.UTC),
                    LastSeenTimeStore.inMemory()).verify(license);
            assertThat(result.verdict()).as("at %s", now).isEqualTo(LicenseVerdict.valueOf(rows.group(2)));
            assertThat(result.daysLeft().isPresent() ? String.valueOf(result.daysLeft().getAsLong()) : "")
                    .as("days left at %s", now).isEqualTo(rows.group(3));
            checked++;
        }
        assertThat(checked).isEqualTo(6);
    }

    @Test
    void theExampleReportImportsWithTheExampleInstanceKey() throws IOException {
        String doc = document();
        byte[] report = example(doc, "report.usage").getBytes(StandardCharsets.UTF_8);

        UsageImport result = UsageReportVerifier.verify(report, "ENT-202612-004217",
                InstanceKey.parsePublicKey(example(doc, "instance.pub")), null);

        assertThat(result).isInstanceOfSatisfying(UsageImport.Accepted.class, accepted -> {
            assertThat(accepted.instanceKeyId()).isEqualTo("ik-52fe7fedadc6f6c8");
            assertThat(accepted.newEntries()).hasSize(3);
        });
    }

    /** The fenced block after {@code <!-- example: name -->}, each of its lines ended by LF. */
    private static String example(String doc, String name) {
        Matcher block = Pattern.compile("<!-- example: " + Pattern.quote(name) + " -->\n```\\w*\n(.*?\n)```", Pattern.DOTALL)
                .matcher(doc);
        assertThat(block.find()).as("example %s in %s", name, DOCUMENT).isTrue();
        return block.group(1);
    }

    /** The project's document, found from the working directory upwards (a module's tests run in its folder). */
    private static String document() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DOCUMENT);
            if (Files.isRegularFile(candidate)) {
                return Files.readString(candidate, StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException(DOCUMENT + " not found from " + Path.of("").toAbsolutePath() + " upwards");
    }
}
