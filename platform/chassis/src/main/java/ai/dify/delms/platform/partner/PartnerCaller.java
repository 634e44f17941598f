package ai.dify.delms.platform.partner;

import java.util.Optional;
import java.util.UUID;

/**
 * The reseller a partner API request acts for: the {@code reseller_id} claim of its token (a
 * reseller code) and, when the sales directory knows an active reseller of that code, its id.
 * Partner controllers take it as a method parameter and show only rows whose {@code resellerId}
 * is {@link #owns owned}; a caller whose reseller is unknown or inactive owns nothing, so it gets
 * empty lists and 404s, never an answer that tells it why.
 *
 * @param resellerCode the token's {@code reseller_id} claim
 * @param resellerId   the active reseller of that code, or {@code null} if there is none
 */
public record PartnerCaller(String resellerCode, UUID resellerId) {

    /** The reseller whose rows the caller may see; empty: the caller may see none. */
    public Optional<UUID> reseller() {
        return Optional.ofNullable(resellerId);
    }

    /** Whether a row whose {@code resellerId} is {@code rowResellerId} belongs to the caller. */
    public boolean owns(UUID rowResellerId) {
        return resellerId != null && resellerId.equals(rowResellerId);
    }

    /** {@link #owns(UUID)} for rows that keep the reseller id as text. */
    public boolean owns(String rowResellerId) {
        return resellerId != null && resellerId.toString().equalsIgnoreCase(rowResellerId);
    }
}
