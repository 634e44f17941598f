package ai.dify.delms.license.customerref;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers license-service knows from customer-service's events: a license may only be
 * created for a known customer that was not deleted.
 */
@Service
public class KnownCustomers {

    private final KnownCustomerRepository customers;
    private final Clock clock = Clock.systemUTC();

    KnownCustomers(KnownCustomerRepository customers) {
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    public boolean isActive(UUID customerId) {
        return customerId != null && customers.existsByIdAndDeletedFalse(customerId);
    }

    /** The customer's name as last reported, if known. */
    @Transactional(readOnly = true)
    public Optional<String> name(UUID customerId) {
        return customers.findById(customerId).map(KnownCustomer::getName);
    }

    /** Ids of up to {@code limit} customers whose name contains {@code text}, ignoring case. */
    @Transactional(readOnly = true)
    public List<UUID> idsNamedLike(String text, int limit) {
        return customers.idsNamedLike(text.strip().toLowerCase(Locale.ROOT), Limit.of(limit));
    }

    /** A created or updated customer: stored or refreshed, unless it was deleted already. */
    /** A created or updated customer; an event older than what is known (or about a deleted customer) changes nothing. */
    @Transactional
    public void described(UUID id, String name, UUID salesRepId, UUID resellerId, Long version) {
        KnownCustomer customer = customers.findById(id).orElseGet(() -> new KnownCustomer(id));
        if (customer.describe(name, salesRepId, resellerId, version, clock.instant())) {
            customers.save(customer);
        }
    }

    @Transactional
    public void deleted(UUID id, String name, Long version) {
        KnownCustomer customer = customers.findById(id).orElseGet(() -> {
            KnownCustomer unknown = new KnownCustomer(id);
            unknown.describe(name == null ? "" : name, null, null, null, clock.instant());
            return unknown;
        });
        customer.markDeleted(version, clock.instant());
        customers.save(customer);
    }
}
