package ai.dify.delms.licensefile.usage;

import ai.dify.delms.licensefile.Sha256;

/** The rules every usage chain follows (docs/license-files.md, "Usage chain"). */
public final class UsageChain {

    private UsageChain() {
    }

    /**
     * The previous hash of entry 1: SHA-256 of {@code DELMS-USAGE-CHAIN 1 <license id> <instance key id>},
     * so that a chain belongs to one license on one instance and cannot be moved to another.
     */
    public static String genesisHash(String licenseId, String instanceKeyId) {
        return Sha256.hex("DELMS-USAGE-CHAIN 1 " + licenseId + " " + instanceKeyId);
    }
}
