package ai.dify.delms.licensefile.usage;

import java.util.List;

import ai.dify.delms.licensefile.SignedText;

/** Writes usage reports (format 1, docs/license-files.md). */
public final class UsageReportWriter {

    private UsageReportWriter() {
    }

    /**
     * The text of a report of {@code entries}, signed by the instance key.
     *
     * @param entries consecutive entries of one chain, each linked to the one before by its hash; the
     *                first may be any entry of the chain
     * @throws IllegalArgumentException when {@code entries} is empty or does not form a chain
     */
    public static String write(String licenseId, InstanceKey instanceKey, List<UsageEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("A report has at least one entry");
        }
        UsageEntry first = entries.get(0);
        if (first.seq() == 1 && !first.previousHash().equals(UsageChain.genesisHash(licenseId, instanceKey.keyId()))) {
            throw new IllegalArgumentException("Entry 1 does not start the chain of " + licenseId + " on "
                    + instanceKey.keyId());
        }
        for (int i = 0; i < entries.size(); i++) {
            UsageEntry entry = entries.get(i);
            if (!entry.hasValidHash()) {
                throw new IllegalArgumentException("Entry " + entry.seq() + " has a wrong hash");
            }
            if (i > 0) {
                UsageEntry previous = entries.get(i - 1);
                if (entry.seq() != previous.seq() + 1 || !entry.previousHash().equals(previous.hash())
                        || entry.at().isBefore(previous.at())) {
                    throw new IllegalArgumentException("Entry " + entry.seq() + " does not follow entry " + previous.seq());
                }
            }
        }
        ReportHeader header = new ReportHeader(licenseId, instanceKey.keyId(), first.seq(),
                entries.get(entries.size() - 1).seq(), first.previousHash());
        StringBuilder signed = new StringBuilder(UsageReports.HEADER).append('\n').append(header.line()).append('\n');
        for (UsageEntry entry : entries) {
            signed.append(entry.line()).append('\n');
        }
        return SignedText.sign(signed.toString(), instanceKey.keyId(), instanceKey.signer());
    }
}
