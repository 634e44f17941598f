package ai.dify.delms.license.airgap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import ai.dify.delms.licensefile.SignedText;
import ai.dify.delms.licensefile.usage.InstanceKey;
import ai.dify.delms.licensefile.usage.InstanceKeyFiles;
import ai.dify.delms.licensefile.usage.UsageLog;

/** An air-gapped installation as the verifier library's command line keeps it: its instance key and usage log. */
final class AirGappedSite {

    final InstanceKey key;
    private final UsageLog log;
    private final String licenseId;

    AirGappedSite(Path directory, String licenseId) {
        try {
            this.key = InstanceKeyFiles.init(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.log = new UsageLog(directory);
        this.licenseId = licenseId;
    }

    AirGappedSite record(int workspaces, int users, Instant at) throws IOException {
        log.record(licenseId, workspaces, users, at);
        return this;
    }

    /** The report of the entries from {@code fromSeq} to the last, as the site exports it. */
    String export(long fromSeq) throws IOException {
        return log.export(fromSeq).text();
    }

    /** The report with its lines before the signature edited and signed again by this site's key: a forgery by the site. */
    String resigned(String report, UnaryOperator<List<String>> edit) {
        List<String> lines = new ArrayList<>(Arrays.asList(report.split("\n")));
        lines.remove(lines.size() - 1);
        return SignedText.sign(String.join("\n", edit.apply(lines)) + "\n", key.keyId(), key.signer());
    }
}
