package ai.dify.delms.license.license;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.directory.SalesParty;
import ai.dify.delms.platform.problem.InvalidFieldException;

/**
 * Checks {@code salesRepId} and {@code resellerId} against the chassis's sales directory (a read model
 * of sales-service's events, so creating a license works while sales-service is down; only a rep or
 * reseller it does not know yet is looked up at sales-service). A newly set reference must name an
 * existing, active rep or reseller; a reference a license already has is kept even if its owner was
 * deactivated since.
 */
@Component
class SalesReferences {

    private final SalesDirectory directory;

    SalesReferences(SalesDirectory directory) {
        this.directory = directory;
    }

    /**
     * @throws InvalidFieldException (422) naming the field whose new value is unknown or inactive
     * @throws ai.dify.delms.platform.problem.UnavailableException (503) when sales-service cannot say
     */
    void check(UUID salesRepIdBefore, UUID salesRepId, UUID resellerIdBefore, UUID resellerId) {
        if (salesRepId != null && !salesRepId.equals(salesRepIdBefore)) {
            requireActive(directory.resolveSalesRep(salesRepId), "salesRepId", "sales rep");
        }
        if (resellerId != null && !resellerId.equals(resellerIdBefore)) {
            requireActive(directory.resolveReseller(resellerId), "resellerId", "reseller");
        }
    }

    private static void requireActive(Optional<SalesParty> party, String field, String what) {
        if (party.isEmpty()) {
            throw new InvalidFieldException(field, "is not a known " + what);
        }
        if (!party.get().active()) {
            throw new InvalidFieldException(field, "is an inactive " + what);
        }
    }
}
