package ai.dify.delms.license.license;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.license.customerref.KnownCustomers;
import ai.dify.delms.platform.events.DomainEvents;
import ai.dify.delms.platform.problem.InvalidFieldException;
import ai.dify.delms.platform.problem.NotFoundException;

/** Creates and reads licenses; a creation and its event commit together. */
@Service
public class LicenseService {

    private final LicenseRepository licenses;
    private final LicenseIdGenerator ids;
    private final KnownCustomers customers;
    private final ProductTypes productTypes;
    private final DomainEvents events;
    private final Clock clock;

    LicenseService(LicenseRepository licenses, LicenseIdGenerator ids, KnownCustomers customers,
            ProductTypes productTypes, DomainEvents events) {
        this.licenses = licenses;
        this.ids = ids;
        this.customers = customers;
        this.productTypes = productTypes;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public License create(LicenseTerms terms, String actor) {
        if (!productTypes.contains(terms.productType())) {
            throw new InvalidFieldException("productType", "must be one of " + productTypes.productTypes());
        }
        terms.check();
        if (!customers.isActive(terms.customerId())) {
            throw new InvalidFieldException("customerId", "is not a known customer");
        }
        LicenseId id = ids.next(terms.productType(), YearMonth.now(clock));
        License license = licenses.saveAndFlush(License.create(id, terms, actor, now()));
        events.publish(LicenseEvents.TOPIC, LicenseEvents.CREATED, id.value(), LicenseEvents.LicenseCreated.of(license));
        return license;
    }

    /** Microseconds: what the database keeps, so a response and a later read show the same instant. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional(readOnly = true)
    public License get(String id) {
        if (!LicenseId.isValid(id)) {
            throw new NotFoundException("License", id);
        }
        return licenses.findById(id).orElseThrow(() -> new NotFoundException("License", id));
    }

    @Transactional(readOnly = true)
    public Page<License> list(LicenseFilter filter, Pageable pageable) {
        return licenses.findAll(filter.toSpecification(), pageable);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
