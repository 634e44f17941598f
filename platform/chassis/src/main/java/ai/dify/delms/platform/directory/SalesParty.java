package ai.dify.delms.platform.directory;

import java.util.UUID;

/**
 * A sales rep or a reseller as the sales directory knows it. {@code code} is the reseller's code
 * (the {@code reseller_id} claim of its partners' tokens); reps have none.
 */
public record SalesParty(UUID id, Kind kind, String code, String name, boolean active) {

    public enum Kind {
        SALES_REP, RESELLER
    }
}
