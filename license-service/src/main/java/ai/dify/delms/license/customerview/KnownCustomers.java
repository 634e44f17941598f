package ai.dify.delms.license.customerview;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.license.customerview.internal.KnownCustomer;
import ai.dify.delms.license.customerview.internal.KnownCustomerRepository;
import ai.dify.delms.platform.reference.OwnedResource;
import ai.dify.delms.platform.reference.ReferenceLookup;

/**
 * The customers license-service knows from customer-service's events: a license may only be
 * created for an existing customer that was not deleted. One not known here yet is looked up at
 * customer-service (docs/decisions.md, 17).
 */
@Service
public class KnownCustomers {

    static final OwnedResource CUSTOMERS = new OwnedResource("customer-service", "customer", "/api/v1/customers/{id}");

    private final KnownCustomerRepository customers;
    private final ReferenceLookup owner;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    KnownCustomers(KnownCustomerRepository customers, ReferenceLookup owner, JdbcTemplate jdbc, Clock clock) {
        this.customers = customers;
        this.owner = owner;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the customer is known here (from its events) and not deleted. */
    @Transactional(readOnly = true)
    public boolean isActive(UUID customerId) {
        return customerId != null && customers.existsByIdAndDeletedFalse(customerId);
    }

    /**
     * Whether a license may name the customer: known here and not deleted, or not known here yet and
     * found at customer-service (created a moment ago, its event still on the way). It is known here
     * from then on, at the version customer-service showed, so its events apply on top.
     *
     * @throws ai.dify.delms.platform.problem.UnavailableException (503) when the customer is not known
     *         here and customer-service cannot say whether it exists
     */
    @Transactional
    public boolean exists(UUID customerId) {
        if (customerId == null) {
            return false;
        }
        Optional<KnownCustomer> known = customers.findById(customerId);
        if (known.isPresent()) {
            return !known.get().isDeleted();
        }
        return owner.find(CUSTOMERS, customerId, OwnerCustomer.class).map(found -> learn(customerId, found))
                .orElse(false);
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

    /**
     * Records the customer as customer-service showed it, unless its event got here in the meantime:
     * that row stays, as it is as new or newer (and may say deleted). It is read with a locking read,
     * which sees what was committed since this transaction's first read (repeatable read would not).
     */
    private boolean learn(UUID id, OwnerCustomer customer) {
        jdbc.update("insert ignore into known_customer (id, name, sales_rep_id, reseller_id, deleted, version, "
                + "updated_at) values (?, ?, ?, ?, false, ?, ?)", id.toString(), customer.name(),
                text(customer.salesRepId()), text(customer.resellerId()), customer.version(),
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return Boolean.FALSE.equals(jdbc.queryForObject(
                "select deleted from known_customer where id = ? lock in share mode", Boolean.class, id.toString()));
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** The part of customer-service's customer this model keeps. */
    record OwnerCustomer(String name, UUID salesRepId, UUID resellerId, long version) {
    }
}
