package ai.dify.delms.customer.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.customer.licensecount.CustomerLicenses;
import ai.dify.delms.platform.events.DomainEvents;
import ai.dify.delms.platform.problem.ConflictException;
import ai.dify.delms.platform.problem.NotFoundException;

/** Creates, reads and deletes customers; every change is published in its own transaction. */
@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerLicenses licenses;
    private final DomainEvents events;
    private final Clock clock;

    CustomerService(CustomerRepository customers, CustomerLicenses licenses, DomainEvents events) {
        this.customers = customers;
        this.licenses = licenses;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public Customer create(CustomerDetails details, String actor) {
        if (customers.existsByNameIgnoreCase(details.name().strip())) {
            throw new ConflictException("A customer named '" + details.name().strip() + "' already exists.");
        }
        Customer customer = customers.saveAndFlush(new Customer(details, actor, now()));
        events.publish(CustomerEvents.TOPIC, CustomerEvents.CREATED, customer.getId().toString(),
                CustomerEvents.CustomerEventData.of(customer));
        return customer;
    }

    /** Microseconds: what the database keeps, so a response and a later read show the same instant. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional(readOnly = true)
    public Customer get(UUID id) {
        return customers.findById(id).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    @Transactional(readOnly = true)
    public Page<Customer> list(CustomerFilter filter, Pageable pageable) {
        return customers.findAll(filter.toSpecification(), pageable);
    }

    /** Deletes a customer that has no licenses; one with licenses is refused (409). */
    @Transactional
    public void delete(UUID id) {
        Customer customer = get(id);
        long count = licenses.count(id);
        if (count > 0) {
            throw new ConflictException("Customer " + id + " has " + count + (count == 1 ? " license" : " licenses")
                    + " and cannot be deleted.");
        }
        customers.delete(customer);
        events.publish(CustomerEvents.TOPIC, CustomerEvents.DELETED, id.toString(),
                CustomerEvents.CustomerEventData.of(customer));
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
