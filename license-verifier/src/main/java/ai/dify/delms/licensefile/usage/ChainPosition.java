package ai.dify.delms.licensefile.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * The last entry DELMS accepted from an instance: where the next report must continue. Store it with
 * the accepted entries, in the same transaction.
 *
 * @param seq  the entry's sequence number
 * @param hash its hash
 * @param at   its time; the next entry must not be earlier
 */
public record ChainPosition(long seq, String hash, Instant at) {

    public ChainPosition {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1");
        }
        if (hash == null || !UsageEntry.HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("hash must be 64 lower-case hex digits");
        }
        Objects.requireNonNull(at, "at");
    }

    public static ChainPosition of(UsageEntry entry) {
        return new ChainPosition(entry.seq(), entry.hash(), entry.at());
    }
}
