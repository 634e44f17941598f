package ai.dify.delms.customer.salesref;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.directory.SalesParty;
import ai.dify.delms.platform.problem.InvalidFieldException;

/**
 * Checks the sales rep and reseller a customer names against the chassis's sales directory (fed
 * by sales-service's events; one it does not know yet is looked up at sales-service). A newly named
 * one must exist and be active (422 otherwise; 503 when sales-service cannot say); one the customer
 * already names may stay even after it was deactivated.
 */
@Component
public class SalesReferences {

    private final SalesDirectory directory;

    SalesReferences(SalesDirectory directory) {
        this.directory = directory;
    }

    public void check(UUID salesRepId, UUID previousSalesRepId, UUID resellerId, UUID previousResellerId) {
        if (salesRepId != null && !Objects.equals(salesRepId, previousSalesRepId)) {
            requireActive(directory.resolveSalesRep(salesRepId), "salesRepId", "sales rep");
        }
        if (resellerId != null && !Objects.equals(resellerId, previousResellerId)) {
            requireActive(directory.resolveReseller(resellerId), "resellerId", "reseller");
        }
    }

    private static void requireActive(Optional<SalesParty> party, String field, String what) {
        if (party.isEmpty()) {
            throw new InvalidFieldException(field, "is not a known " + what);
        }
        if (!party.get().active()) {
            throw new InvalidFieldException(field, "is a deactivated " + what);
        }
    }
}
