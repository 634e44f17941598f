package ai.dify.delms.sales.purchase.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.problem.BadFieldException;
import ai.dify.delms.platform.problem.FieldError;
import ai.dify.delms.platform.problem.InvalidFieldException;
import ai.dify.delms.platform.problem.NotFoundException;
import ai.dify.delms.sales.licenseview.LicenseFeed;
import ai.dify.delms.sales.licenseview.LicenseSale;
import ai.dify.delms.sales.reseller.Reseller;
import ai.dify.delms.sales.reseller.ResellerService;
import ai.dify.delms.sales.salesrep.SalesRep;
import ai.dify.delms.sales.salesrep.SalesRepService;

/**
 * Records purchases after checking them against the license they name (as the license feed knows
 * it), and publishes {@code delms.purchase.recorded.v1} keyed by the license id, which
 * license-service applies to the license.
 */
@Service
public class PurchaseService {

    private final PurchaseRepository purchases;
    private final LicenseFeed licenses;
    private final SalesRepService reps;
    private final ResellerService resellers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PurchaseService(PurchaseRepository purchases, LicenseFeed licenses, SalesRepService reps,
            ResellerService resellers, ApplicationEventPublisher events, Clock clock) {
        this.purchases = purchases;
        this.licenses = licenses;
        this.reps = reps;
        this.resellers = resellers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a purchase. The rep and reseller default to the license's. Malformed terms are a 400;
     * an unknown license, an unknown or inactive rep or
     * reseller (other than the license's own), or terms the license does not allow, a 422; a license the feed
     * does not know yet is looked up at license-service (503 if it cannot be asked). The license's
     * feed row stays locked from the check until the commit, so concurrent purchases of one license
     * are checked one after the other, each against the terms the previous one left.
     */
    @Transactional
    public Purchase record(PurchaseTerms terms, String actor) {
        List<FieldError> shape = terms.checkShape();
        if (!shape.isEmpty()) {
            throw new BadFieldException(shape.get(0).field(), shape.get(0).message());
        }
        LicenseSale license = licenses.lockForPurchase(terms.licenseId())
                .orElseThrow(() -> new InvalidFieldException("licenseId", "is not a known license"));
        FieldError broken = terms.checkAgainst(new PurchaseTerms.LicenseTerms(license.getProductType(),
                license.getExpiryDate(), license.getAuthorizedWorkspaces(), license.getAuthorizedUsers()));
        if (broken != null) {
            throw new InvalidFieldException(broken.field(), broken.message());
        }
        UUID licenseRep = license.getSalesRepId();
        UUID salesRepId = terms.salesRepId() != null ? terms.salesRepId() : licenseRep;
        if (!Objects.equals(salesRepId, licenseRep)) {
            requireActive(reps.find(salesRepId).map(SalesRep::isActive), "salesRepId", "sales rep");
        }
        UUID licenseReseller = uuidOrNull(license.getResellerId());
        UUID resellerId = terms.resellerId() != null ? terms.resellerId() : licenseReseller;
        if (!Objects.equals(resellerId, licenseReseller)) {
            requireActive(resellers.find(resellerId).map(Reseller::isActive), "resellerId", "reseller");
        }
        Purchase purchase = purchases.saveAndFlush(new Purchase(terms, salesRepId, resellerId, actor, now()));
        licenses.purchaseRecorded(terms.licenseId(), terms.periodEnd(), terms.workspacesAfter(), terms.usersAfter(),
                terms.productTypeAfter());
        events.publishEvent(PurchaseEvents.PurchaseRecorded.of(purchase));
        return purchase;
    }

    @Transactional(readOnly = true)
    public Purchase get(UUID id) {
        return purchases.findById(id).orElseThrow(() -> new NotFoundException("Purchase", id));
    }

    @Transactional(readOnly = true)
    public Page<Purchase> list(PurchaseFilter filter, Pageable pageable) {
        return purchases.findAll(filter.toSpecification(), pageable);
    }

    /**
     * A rep or reseller the purchase names instead of the license's must exist and be active (as
     * license-service and customer-service require of a newly set one, in the same words): a
     * deactivated one is kept on old records but no longer offered for new purchases. The license's
     * own stays acceptable after its deactivation, as it stays on the license.
     */
    private static void requireActive(Optional<Boolean> active, String field, String what) {
        if (active.isEmpty()) {
            throw new InvalidFieldException(field, "is not a known " + what);
        }
        if (!active.get()) {
            throw new InvalidFieldException(field, "is an inactive " + what);
        }
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
