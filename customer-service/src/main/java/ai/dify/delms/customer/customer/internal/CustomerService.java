package ai.dify.delms.customer.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.customer.licenseview.CustomerLicenses;
import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.problem.ConflictException;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.problem.NotFoundException;

/** Creates, reads, updates and deletes customers; every change and its event commit together. */
@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerLicenses licenses;
    private final SalesDirectory salesDirectory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerService(CustomerRepository customers, CustomerLicenses licenses, SalesDirectory salesDirectory,
            ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.salesDirectory = salesDirectory;
        this.licenses = licenses;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Customer create(CustomerDetails details, String actor) {
        checkNameFree(details.name(), null);
        salesDirectory.checkNamedParties(null, details.salesRepId(), null, details.resellerId());
        // flushed so a concurrent duplicate fails on the unique name key (409) before the event is stored
        Customer customer = customers.saveAndFlush(new Customer(details, actor, now()));
        events.publishEvent(CustomerEvents.CustomerCreated.of(customer));
        return customer;
    }

    /**
     * Replaces the editable fields. {@code ifMatch} (412) and the body's {@code version} (409), when
     * given, must name the current version; a change that changes nothing writes and publishes nothing.
     */
    @Transactional
    public Customer update(UUID id, CustomerDetails details, Long version, String ifMatch, String actor) {
        Customer customer = get(id);
        ETags.checkExpectedVersion("Customer " + id, ifMatch, version, customer.getVersion());
        checkNameFree(details.name(), id);
        salesDirectory.checkNamedParties(customer.getSalesRepId(), details.salesRepId(), customer.getResellerId(),
                details.resellerId());
        if (customer.update(details, actor, now())) {
            customers.flush();
            events.publishEvent(CustomerEvents.CustomerUpdated.of(customer));
        }
        return customer;
    }

    private void checkNameFree(String name, UUID self) {
        customers.findByNameKey(Customer.nameKey(name)).filter(other -> !other.getId().equals(self))
                .ifPresent(other -> {
                    throw new ConflictException("A customer named '" + other.getName() + "' already exists.");
                });
    }

    private Instant now() {
        return clock.instant();
    }

    @Transactional(readOnly = true)
    public Customer get(UUID id) {
        return customers.findById(id).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    @Transactional(readOnly = true)
    public Page<Customer> list(CustomerFilter filter, Pageable pageable) {
        return customers.findAll(filter.toSpecification(), pageable);
    }

    /**
     * The customers a reseller serves, filtered in the query itself; a caller without a known,
     * active reseller ({@code null}) has none.
     */
    @Transactional(readOnly = true)
    public Page<Customer> listOfReseller(UUID resellerId, CustomerFilter filter, Pageable pageable) {
        if (resellerId == null) {
            return Page.empty(pageable);
        }
        return customers.findAll(filter.toSpecification().and(CustomerFilter.ofReseller(resellerId)), pageable);
    }

    /**
     * One of the reseller's customers. Any other customer is reported exactly as an unknown id,
     * without the id in the detail, so the two answers cannot be told apart.
     */
    @Transactional(readOnly = true)
    public Customer getOfReseller(UUID id, UUID resellerId) {
        return (resellerId == null ? Optional.<Customer>empty() : customers.findByIdAndResellerId(id, resellerId))
                .orElseThrow(() -> new NotFoundException("The customer was not found."));
    }

    /** Deletes a customer that has no licenses; one with licenses is refused (409). */
    @Transactional
    public void delete(UUID id) {
        Customer customer = get(id);
        customer.checkDeletable(licenses.count(id));
        customers.delete(customer);
        events.publishEvent(CustomerEvents.CustomerDeleted.of(customer));
    }

    @Transactional(readOnly = true)
    public long licenseCount(UUID id) {
        return licenses.count(id);
    }

    @Transactional(readOnly = true)
    public Map<UUID, Long> licenseCounts(Collection<UUID> ids) {
        return licenses.counts(ids);
    }
}
