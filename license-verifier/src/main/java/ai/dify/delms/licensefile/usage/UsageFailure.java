package ai.dify.delms.licensefile.usage;

/** Why {@link UsageReportVerifier} refused a usage report (docs/license-files.md, "Importing a report"). */
public enum UsageFailure {
    /** Not in the exact form of a usage report; {@link UsageImport.Rejected#line()} says where. */
    MALFORMED,
    /** The signature is not the registered instance key's over the report's bytes. */
    BAD_SIGNATURE,
    /** The report is for another license. */
    WRONG_LICENSE,
    /** The report is from another instance than the one registered for the license. */
    WRONG_INSTANCE,
    /** The report starts after the entry that should come next; entries are missing. */
    GAP,
    /** Every entry of the report has been accepted already. */
    REPLAY,
    /** An entry's hash or previous hash does not link up, or differs from the entry accepted before. */
    CHAIN_BROKEN,
    /** Sequence numbers are not consecutive, or time goes backwards. */
    OUT_OF_ORDER
}
