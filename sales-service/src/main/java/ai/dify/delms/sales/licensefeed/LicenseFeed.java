package ai.dify.delms.sales.licensefeed;

import ai.dify.delms.platform.events.DelmsTopics;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.events.inbound.InboundEvent;
import ai.dify.delms.platform.events.inbound.MalformedEventException;

/** Records each newly created license for the sales statistics. */
@Service
public class LicenseFeed {

    /** The topic license-service publishes on. */
    public static final String TOPIC = DelmsTopics.LICENSES;
    public static final String LICENSE_CREATED = "delms.license.created.v1";

    private static final Logger log = LoggerFactory.getLogger(LicenseFeed.class);

    private final LicenseSaleRepository sales;

    LicenseFeed(LicenseSaleRepository sales) {
        this.sales = sales;
    }

    /** Called once per event id by the idempotent consumer; a license already recorded stays as it is. */
    @Transactional
    public void licenseCreated(InboundEvent event, LicenseCreated license) {
        String licenseId = Optional.ofNullable(license.id()).orElse(event.subject());
        if (licenseId == null || license.customerId() == null || license.productType() == null) {
            throw new MalformedEventException("Event " + event.id() + " lacks the license id, customer or product type");
        }
        if (sales.existsById(licenseId)) {
            log.debug("License {} is already recorded", licenseId);
            return;
        }
        sales.save(new LicenseSale(licenseId, license.customerId(), license.salesRepId(), license.resellerId(),
                license.productType(), Optional.ofNullable(license.createdAt()).orElse(event.time())));
    }

    @Transactional(readOnly = true)
    public Optional<LicenseSale> find(String licenseId) {
        return sales.findById(licenseId);
    }
}
