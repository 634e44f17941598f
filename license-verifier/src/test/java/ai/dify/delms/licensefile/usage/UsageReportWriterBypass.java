package ai.dify.delms.licensefile.usage;

import java.util.List;

import ai.dify.delms.licensefile.SignedText;

/** Writes a report of any entries, even ones the writer would refuse: what a faulty or dishonest site could send. */
final class UsageReportWriterBypass {

    private UsageReportWriterBypass() {
    }

    static String write(Site site, List<UsageEntry> entries) {
        ReportHeader header = new ReportHeader(site.licenseId, site.key.keyId(), entries.get(0).seq(),
                entries.get(entries.size() - 1).seq(), entries.get(0).previousHash());
        StringBuilder signed = new StringBuilder(UsageReports.HEADER).append('\n').append(header.line()).append('\n');
        entries.forEach(entry -> signed.append(entry.line()).append('\n'));
        return SignedText.sign(signed.toString(), site.key.keyId(), site.key.signer());
    }
}
