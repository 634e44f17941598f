package ai.dify.delms.licensefile.usage;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** What {@link UsageReportVerifier} made of a usage report: the new entries, or why and where it was refused. */
public sealed interface UsageImport permits UsageImport.Accepted, UsageImport.Rejected {

    /**
     * An authentic report that continues the accepted chain.
     *
     * @param newEntries  the entries not accepted before, in order; never empty
     * @param newPosition the last of them: store it as the instance's last accepted position
     */
    record Accepted(String licenseId, String instanceKeyId, List<UsageEntry> newEntries, ChainPosition newPosition)
            implements UsageImport {

        public Accepted {
            newEntries = List.copyOf(newEntries);
        }

        /** The latest usage the report tells of. */
        public UsageEntry latest() {
            return newEntries.get(newEntries.size() - 1);
        }
    }

    /**
     * A refused report.
     *
     * @param line the report's line (from 1) for MALFORMED
     * @param seq  the entry's sequence number for CHAIN_BROKEN and OUT_OF_ORDER, the report's first for GAP
     */
    record Rejected(UsageFailure failure, String message, OptionalInt line, OptionalLong seq) implements UsageImport {
    }
}
