package ai.dify.delms.customer.licenseview;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.customer.licenseview.internal.CustomerLicense;
import ai.dify.delms.customer.licenseview.internal.CustomerLicenseRepository;

/**
 * How many licenses each customer has, from license-service's events. Recording is idempotent by
 * license id, so a repeated or replayed event leaves the count as it is. Only the creation and the
 * snapshot (the license re-published as it is now) are read: which customer a license belongs to
 * never changes, so no later or older event can contradict a row, and unlike the other read models
 * this one needs no license version.
 */
@Service
public class CustomerLicenses {

    private final CustomerLicenseRepository licenses;
    private final Clock clock;

    CustomerLicenses(CustomerLicenseRepository licenses, Clock clock) {
        this.licenses = licenses;
        this.clock = clock;
    }

    @Transactional
    public void licenseCreated(String licenseId, UUID customerId) {
        if (!licenses.existsById(licenseId)) {
            licenses.save(new CustomerLicense(licenseId, customerId, clock.instant()));
        }
    }

    @Transactional(readOnly = true)
    public long count(UUID customerId) {
        return licenses.countByCustomerId(customerId);
    }

    /** Counts for several customers at once (a page of the list); customers without licenses are absent. */
    @Transactional(readOnly = true)
    public Map<UUID, Long> counts(Collection<UUID> customerIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (!customerIds.isEmpty()) {
            licenses.countByCustomerIds(customerIds).forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        }
        return counts;
    }
}
