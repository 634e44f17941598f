package ai.dify.delms.licensefile.usage;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

import ai.dify.delms.licensefile.MalformedTextException;
import ai.dify.delms.licensefile.SignedText;

/**
 * Verifies a usage report on import, in the order docs/license-files.md gives: form, license,
 * instance, signature, entries, chain, then against what was accepted before.
 *
 * <p>Overlap rule (decision 25): a report may repeat entries already accepted, as long as it contains
 * the last accepted entry unchanged (or starts right after it, linked to its hash); only the entries
 * after it are returned. A report with nothing new is a REPLAY. So a site may always export its whole
 * log, and no entry is ever accepted twice.
 */
public final class UsageReportVerifier {

    private UsageReportVerifier() {
    }

    /**
     * @param report       the report's bytes as received
     * @param licenseId    the license the report is imported for
     * @param instanceKey  the instance public key registered for that license
     * @param lastAccepted the last entry accepted from that instance, {@code null} before the first import
     */
    public static UsageImport verify(byte[] report, String licenseId, PublicKey instanceKey, ChainPosition lastAccepted) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(licenseId, "licenseId");
        Objects.requireNonNull(instanceKey, "instanceKey");
        SignedText text;
        ReportHeader header;
        try {
            text = SignedText.read(report, UsageReports.MAGIC, UsageReports.FORMAT_VERSION);
            header = ReportHeader.parse(text.lines().get(1));
        } catch (MalformedTextException e) {
            return malformed(e.line(), e.reason());
        } catch (IllegalArgumentException e) {
            return malformed(2, e.getMessage());
        }
        if (!header.licenseId().equals(licenseId)) {
            return reject(UsageFailure.WRONG_LICENSE, "The report is for license " + header.licenseId()
                    + ", not " + licenseId + ".");
        }
        String instanceKeyId = InstanceKey.keyIdOf(instanceKey);
        if (!header.instanceKeyId().equals(instanceKeyId)) {
            return reject(UsageFailure.WRONG_INSTANCE, "The report is from instance " + header.instanceKeyId()
                    + ", but the instance registered for " + licenseId + " is " + instanceKeyId + ".");
        }
        if (!text.keyId().equals(header.instanceKeyId())) {
            return malformed(text.signatureLineNumber(), "the signature names key " + text.keyId()
                    + " but the header names instance " + header.instanceKeyId());
        }
        if (!text.signedBy(instanceKey)) {
            return reject(UsageFailure.BAD_SIGNATURE, "The signature is not instance " + instanceKeyId
                    + "'s over this report: it was changed after it was exported, or not exported by that instance.");
        }
        List<UsageEntry> entries = new ArrayList<>();
        for (int i = 2; i < text.lines().size(); i++) {
            try {
                entries.add(UsageEntry.parse(text.lines().get(i)));
            } catch (IllegalArgumentException e) {
                return malformed(i + 1, e.getMessage());
            }
        }
        if (entries.isEmpty()) {
            return malformed(3, "a report has at least one entry");
        }
        UsageImport chainProblem = checkChain(header, entries, licenseId);
        if (chainProblem != null) {
            return chainProblem;
        }
        return continueFrom(lastAccepted, header, entries);
    }

    /** The entries among themselves and with the header: consecutive, in time order, linked by hashes. */
    private static UsageImport checkChain(ReportHeader header, List<UsageEntry> entries, String licenseId) {
        for (int i = 0; i < entries.size(); i++) {
            UsageEntry entry = entries.get(i);
            long expectedSeq = header.firstSeq() + i;
            if (entry.seq() != expectedSeq) {
                return reject(UsageFailure.OUT_OF_ORDER, "Entry " + (i + 1) + " of the report has seq " + entry.seq()
                        + " where seq " + expectedSeq + " was expected.", expectedSeq);
            }
            if (i > 0 && entry.at().isBefore(entries.get(i - 1).at())) {
                return reject(UsageFailure.OUT_OF_ORDER, "Time goes backwards at seq " + entry.seq() + ": "
                        + entry.at() + " is before " + entries.get(i - 1).at() + ".", entry.seq());
            }
            if (!entry.hasValidHash()) {
                return reject(UsageFailure.CHAIN_BROKEN, "Entry seq " + entry.seq()
                        + " does not match its hash: it was changed after it was recorded.", entry.seq());
            }
            String expectedPrevious = i == 0 ? header.previousHash() : entries.get(i - 1).hash();
            if (!entry.previousHash().equals(expectedPrevious)) {
                return reject(UsageFailure.CHAIN_BROKEN, "Entry seq " + entry.seq() + " does not link to "
                        + (i == 0 ? "the report's previous hash" : "entry seq " + (entry.seq() - 1))
                        + ": an entry was changed, removed or inserted.", entry.seq());
            }
        }
        long lastSeq = entries.get(entries.size() - 1).seq();
        if (lastSeq != header.lastSeq()) {
            return malformed(2, "the header says the report ends at seq " + header.lastSeq()
                    + ", but its last entry is seq " + lastSeq);
        }
        if (header.firstSeq() == 1
                && !header.previousHash().equals(UsageChain.genesisHash(licenseId, header.instanceKeyId()))) {
            return reject(UsageFailure.CHAIN_BROKEN, "Entry seq 1 does not start the chain of license " + licenseId
                    + " on instance " + header.instanceKeyId() + ": the chain was made for another license or instance.", 1);
        }
        return null;
    }

    /** The report against the last accepted entry: the overlap rule. */
    private static UsageImport continueFrom(ChainPosition accepted, ReportHeader header, List<UsageEntry> entries) {
        long first = header.firstSeq();
        long last = header.lastSeq();
        if (accepted == null) {
            if (first != 1) {
                return gap(1, first);
            }
            return accept(header, entries);
        }
        long next = accepted.seq() + 1;
        if (first > next) {
            return gap(next, first);
        }
        if (first == next) {
            if (!header.previousHash().equals(accepted.hash())) {
                return reject(UsageFailure.CHAIN_BROKEN, "Entry seq " + first + " does not link to the accepted entry seq "
                        + accepted.seq() + ": the instance's history differs from what was accepted.", first);
            }
        } else if (last >= accepted.seq()) {
            UsageEntry overlap = entries.get((int) (accepted.seq() - first));
            if (!overlap.hash().equals(accepted.hash())) {
                return reject(UsageFailure.CHAIN_BROKEN, "Entry seq " + accepted.seq() + " differs from the entry"
                        + " accepted before: the instance's history was rewritten.", accepted.seq());
            }
        }
        if (last <= accepted.seq()) {
            return reject(UsageFailure.REPLAY, "Every entry of the report (seq " + first + " to " + last
                    + ") was accepted before; the last accepted is seq " + accepted.seq() + ".", first);
        }
        List<UsageEntry> fresh = entries.subList((int) (next - first), entries.size());
        if (fresh.get(0).at().isBefore(accepted.at())) {
            return reject(UsageFailure.OUT_OF_ORDER, "Time goes backwards at seq " + next + ": " + fresh.get(0).at()
                    + " is before the accepted entry's " + accepted.at() + ".", next);
        }
        return accept(header, fresh);
    }

    private static UsageImport accept(ReportHeader header, List<UsageEntry> fresh) {
        return new UsageImport.Accepted(header.licenseId(), header.instanceKeyId(), fresh,
                ChainPosition.of(fresh.get(fresh.size() - 1)));
    }

    private static UsageImport gap(long expected, long first) {
        return reject(UsageFailure.GAP, "Entries are missing: expected seq " + expected + " next, the report starts at seq "
                + first + ".", first);
    }

    private static UsageImport malformed(int line, String reason) {
        return new UsageImport.Rejected(UsageFailure.MALFORMED, "Not a valid usage report: "
                + (line > 0 ? "line " + line + ": " : "") + reason + ".",
                line > 0 ? OptionalInt.of(line) : OptionalInt.empty(), OptionalLong.empty());
    }

    private static UsageImport reject(UsageFailure failure, String message) {
        return new UsageImport.Rejected(failure, message, OptionalInt.empty(), OptionalLong.empty());
    }

    private static UsageImport reject(UsageFailure failure, String message, long seq) {
        return new UsageImport.Rejected(failure, message, OptionalInt.empty(), OptionalLong.of(seq));
    }
}
